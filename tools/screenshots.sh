#!/usr/bin/env bash
# Refreshes docs/screenshots/*.png: runs the browser tests (tests/Credstack.Server.Tests/Web) with
# CREDSTACK_SCREENSHOTS set, so each test saves the main pages it visits. Needs what ./test.sh installs
# (Debian's chromium, tools/browser/node_modules).
#
#   tools/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export CREDSTACK_SCREENSHOTS="$PWD/docs/screenshots"
export CREDSTACK_BROWSER_TOOLS="$PWD/tools/browser"
mkdir -p "$CREDSTACK_SCREENSHOTS"
dotnet build tests/Credstack.Server.Tests -v quiet --nologo
dotnet test tests/Credstack.Server.Tests --no-build --nologo --filter 'FullyQualifiedName~Credstack.Server.Tests.Web.'
ls -1 "$CREDSTACK_SCREENSHOTS"
