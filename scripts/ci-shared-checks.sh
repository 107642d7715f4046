#!/usr/bin/env bash
# Extra CI checks that read ../shared (dev sets, schemas). Each section is
# added by the stage it checks.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=$(cd ../shared && pwd)
cargo build --release --quiet
BRIEF=target/release/brief
echo "shared checks: using $SHARED"
