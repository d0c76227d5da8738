#!/usr/bin/env bash
# Fails when a source folder includes a header its layer may not see (the layers of README.md "Layout" and ../shared/DESIGN.md).
set -u
src=${1:?usage: check_layers.sh SRC_DIR}
status=0
check() {  # folder, forbidden include pattern (extended regex), why
  local folder=$1 pattern=$2 why=$3 hits
  [ -d "$src/$folder" ] || return 0
  hits=$(grep -rnE "^#include [<\"]($pattern)" "$src/$folder" || true)
  if [ -n "$hits" ]; then
    echo "layer violation in $folder/ ($why):"
    echo "$hits"
    status=1
  fi
}
check domain   'Poco/|hpdf|openssl/|ports/|services/|store/|render/|sign/|http/|cli/|app/|json/|platform/' 'the domain is pure C++'
check ports    'Poco/|hpdf|openssl/|services/|store/|render/|sign/|http/|cli/|app/|json/|platform/' 'ports are interfaces over the domain'
check services 'Poco/|hpdf|openssl/|store/|render/|sign/|http/|cli/|app/|json/|platform/' 'services talk to ports only'
check store    'hpdf|openssl/|services/|render/|sign/|http/|cli/|app/|json/|platform/' 'store is an adapter'
check platform 'Poco/Data|hpdf|services/|store/|render/|sign/|http/|cli/|app/|json/' 'platform is an adapter'
check sign     'Poco/Data|Poco/Net|hpdf|services/|store/|render/|http/|cli/|app/|json/|platform/' 'sign is an adapter'
check render   'Poco/Data|Poco/Net|openssl/|services/|store/|sign/|http/|cli/|app/|platform/' 'render knows no HTTP or store'
check json     'Poco/Data|Poco/Net|hpdf|store/|render/|http/|cli/|app/|platform/' 'json maps services to JSON'
check http     'Poco/Data|hpdf|openssl/|store/|render/|sign/|cli/|app/|platform/' 'entry points receive services'
check cli      'Poco/Data|Poco/Net|hpdf|openssl/|store/|render/|sign/|http/|app/|platform/' 'entry points receive services'
# libharu only inside render/haru/
hits=$(grep -rlE '^#include [<"]hpdf' "$src" 2>/dev/null | grep -v "/render/haru/" || true)
if [ -n "$hits" ]; then echo "hpdf.h outside render/haru/:"; echo "$hits"; status=1; fi
[ $status -eq 0 ] && echo "layers ok"
exit $status
