// libyaml, the C library (pkg-config yaml-0.1).
#if __has_include(<yaml.h>)
#include <yaml.h>
#else
#error "apigen needs libyaml, the C library: install it with `apt-get install libyaml-dev` (Debian, Ubuntu) or `brew install libyaml` (macOS)"
#endif
