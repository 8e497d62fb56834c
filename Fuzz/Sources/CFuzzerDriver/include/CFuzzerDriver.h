// libFuzzer's driver, which runs the fuzzing loop over a callback: the executable's entry point
// calls it (SwiftPM names an executable's entry point itself, so libFuzzer's own main is not used).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
