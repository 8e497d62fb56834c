// libyaml, the C library (pkg-config yaml-0.1; apt libyaml-dev, brew libyaml).
// If this include fails, install libyaml: `apt-get install libyaml-dev` or `brew install libyaml`.
#include <yaml.h>
