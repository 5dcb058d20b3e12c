#!/usr/bin/env bash
# Installs the tools the demo and the end-to-end tests need, once, into a cache outside the
# repository (so a fresh clone reuses them): the Pulumi CLI built from the Go module proxy, MinIO,
# actionlint (the GitHub Actions workflow linter), the YAML language host (programs with
# `runtime: yaml`) and pulumi-sdkgen (scripts/sdkgen: the Node.js, Python and Go SDKs of a package
# schema). Idempotent: a tool already built at the pinned version is not rebuilt. Each build logs
# how long it took.
# Usage: install-tools.sh [all|pulumi|minio|actionlint|yaml|sdkgen]. Prints the bin directory on its
# last line.
set -euo pipefail

PULUMI_VERSION="${PULUMI_VERSION:-v3.259.0}"
# MinIO's tags are not semver; this is the newest commit the module proxy serves.
MINIO_VERSION="${MINIO_VERSION:-v0.0.0-20260212201848-7aac2a2c5b7c}"
ACTIONLINT_VERSION="${ACTIONLINT_VERSION:-v1.7.12}"
# The newest pulumi-yaml release; the CLI's own YAML host is not in pkg/v3, so it is built apart.
YAML_VERSION="${YAML_VERSION:-v1.25.0}"
SDKGEN_SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/sdkgen"
CACHE="${PULUMI_BUCKET_ENCRYPTION_CACHE:-$HOME/.cache/pulumi-bucket-encryption}"
BIN="$CACHE/bin"
mkdir -p "$BIN"

log() { printf '[install-tools] %s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
# Each build logs its wall time, so the first-run figures in the README can be checked.
built() { log "built $1 in $((SECONDS - $2)) s"; }

# Go lives in /usr/local/go on this kind of machine; a non-login shell may not have it on PATH.
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
  export PATH="/usr/local/go/bin:$PATH"
fi

# A Pulumi CLI already on PATH is used when it is v3.139 or newer (dynamic providers receive the
# stack config through configure from that release on).
use_pulumi_on_path() {
  local existing version minor
  existing=$(PATH="${PATH//$BIN:/}" command -v pulumi 2>/dev/null) || return 1
  [ "$existing" != "$BIN/pulumi" ] || return 1
  version=$("$existing" version 2>/dev/null) || return 1
  [[ "$version" =~ ^v3\.([0-9]+)\. ]] || return 1
  minor=${BASH_REMATCH[1]}
  [ "$minor" -ge 139 ] || return 1
  log "using the Pulumi CLI on PATH: $existing ($version)"
  ln -sf "$existing" "$BIN/pulumi"
}

build_pulumi() {
  if [ -x "$BIN/pulumi" ] && { [ -L "$BIN/pulumi" ] || "$BIN/pulumi" version 2>/dev/null | grep -qx "$PULUMI_VERSION"; }; then
    return
  fi
  rm -f "$BIN/pulumi"
  if [ "${PULUMI_BUCKET_ENCRYPTION_BUILD_PULUMI:-}" != "1" ] && use_pulumi_on_path; then
    return
  fi
  log "building the Pulumi CLI $PULUMI_VERSION from the Go module proxy (first run only: ~4 min on 2 cores)"
  local mod="$CACHE/build/pulumi-$PULUMI_VERSION"
  mkdir -p "$mod"
  # A wrapper module: pkg/v3's own go.mod replaces sdk/v3 with a relative path and pins a fork of
  # the clipboard module; a requirement at the same release plus that replace stands in for both.
  cat > "$mod/go.mod" <<MOD
module local/pulumi-cli

go 1.25

require (
	github.com/pulumi/pulumi/pkg/v3 $PULUMI_VERSION
	github.com/pulumi/pulumi/sdk/v3 $PULUMI_VERSION
)

replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
MOD
  cat > "$mod/tools.go" <<'GO'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
GO
  local started=$SECONDS
  (cd "$mod" && GOFLAGS=-mod=mod go mod tidy >&2 && \
    go build -o "$BIN/pulumi" \
      -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION" \
      github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2)
  built "the Pulumi CLI" "$started"
}

build_minio() {
  if [ -x "$BIN/minio" ] && [ -f "$BIN/minio.version" ] && [ "$(cat "$BIN/minio.version")" = "$MINIO_VERSION" ]; then
    return
  fi
  log "building MinIO $MINIO_VERSION from the Go module proxy (first run only: ~3 min on 2 cores)"
  local started=$SECONDS
  GOBIN="$BIN" go install "github.com/minio/minio@$MINIO_VERSION" >&2
  built MinIO "$started"
  echo "$MINIO_VERSION" > "$BIN/minio.version"
}

build_actionlint() {
  if [ -x "$BIN/actionlint" ] && [ "$("$BIN/actionlint" -version 2>/dev/null | head -1)" = "$ACTIONLINT_VERSION" ]; then
    return
  fi
  log "building actionlint $ACTIONLINT_VERSION from the Go module proxy (first run only: under a minute)"
  local started=$SECONDS
  GOBIN="$BIN" go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION" >&2
  built actionlint "$started"
}

# The module version a Go binary records for its main module (go install pkg@version stamps it).
main_module_version() {
  go version -m "$1" 2>/dev/null | awk '$1 == "mod" { print $3; exit }'
}

build_yaml() {
  if [ -x "$BIN/pulumi-language-yaml" ] && [ "$(main_module_version "$BIN/pulumi-language-yaml")" = "$YAML_VERSION" ]; then
    return
  fi
  log "building pulumi-language-yaml $YAML_VERSION from the Go module proxy (first run only: 1-5 min on 2 cores)"
  local started=$SECONDS
  # The host reports this version to the CLI (GetPluginInfo); go install alone leaves it empty.
  GOBIN="$BIN" go install -ldflags "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=${YAML_VERSION#v}" \
    "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$YAML_VERSION" >&2
  built pulumi-language-yaml "$started"
}

# pulumi-sdkgen is built from this repository's sources, so its version is a digest of them: an
# edit to scripts/sdkgen rebuilds it, an unchanged tree does not.
sdkgen_stamp() {
  (cd "$SDKGEN_SOURCE" && cat go.mod go.sum ./*.go | sha256sum | cut -c1-16)
}

build_sdkgen() {
  local stamp
  stamp=$(sdkgen_stamp)
  if [ -x "$BIN/pulumi-sdkgen" ] && [ "$("$BIN/pulumi-sdkgen" --version 2>/dev/null)" = "$stamp" ]; then
    return
  fi
  local pinned
  pinned=$(cd "$SDKGEN_SOURCE" && go list -m -f '{{.Version}}' github.com/pulumi/pulumi/pkg/v3)
  if [ "$pinned" != "$PULUMI_VERSION" ]; then
    log "note: scripts/sdkgen/go.mod pins pkg/v3 $pinned, the CLI is $PULUMI_VERSION"
  fi
  log "building pulumi-sdkgen (pkg/v3 $pinned code generators) from the Go module proxy (first run only: ~1 min after the CLI, whose build compiles most of it)"
  local started=$SECONDS
  (cd "$SDKGEN_SOURCE" && go build -o "$BIN/pulumi-sdkgen" -ldflags "-X main.version=$stamp" . >&2)
  built pulumi-sdkgen "$started"
}

case "${1:-all}" in
  pulumi) build_pulumi ;;
  minio) build_minio ;;
  actionlint) build_actionlint ;;
  yaml) build_yaml ;;
  sdkgen) build_sdkgen ;;
  all) build_pulumi; build_minio; build_actionlint; build_yaml; build_sdkgen ;;
  *) log "unknown tool ${1}: expected all, pulumi, minio, actionlint, yaml or sdkgen"; exit 2 ;;
esac
echo "$BIN"
