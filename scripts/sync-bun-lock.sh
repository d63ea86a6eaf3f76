#!/usr/bin/env bash
# Refreshes bun.lockb from package.json for people who install with Bun. npm's
# package-lock.json stays the source of truth for CI; run this after changing dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
npx --yes bun@1.4.5 install --lockfile-only --ignore-scripts
