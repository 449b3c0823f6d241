#!/bin/sh
# Regenerates select.golden and match.golden from select.txt and match.txt
# with a real Erlang/OTP 25 (escript on the PATH). Run from anywhere:
#   sh otp/ets/internal/matchspec/testdata/record.sh
set -e
dir=$(cd "$(dirname "$0")" && pwd)
escript "$dir/gen.escript" "$dir"
