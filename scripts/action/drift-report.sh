#!/usr/bin/env bash
# The drift report step of the repository's GitHub Action (action.yml): runs
# `pulumi-bucket-encryption drift` with the action's inputs (INPUT_* variables) and writes the
# step's outputs (exit-code, outcome, json-file, junit-file) to $GITHUB_OUTPUT. It always exits 0
# once the report has run: the action's verdict step decides, after the upload, whether the step fails.
set -uo pipefail

fail() {
  echo "::error title=BucketEncryption drift::$1"
  echo "exit-code=1" >>"$GITHUB_OUTPUT"
  echo "outcome=error" >>"$GITHUB_OUTPUT"
  exit 0
}

version="${INPUT_VERSION:-}"
if [ -z "$version" ]; then
  version=$(node -p 'require(process.argv[1]).version' "$GITHUB_ACTION_PATH/package.json") || fail "cannot read the action's package.json"
fi
absolute() { node -p 'require("node:path").resolve(process.argv[1])' "$1"; }
json=$(absolute "${INPUT_JSON_FILE:-bucket-encryption-drift.json}")
junit=$(absolute "${INPUT_JUNIT_FILE:-bucket-encryption-drift.xml}")
mkdir -p "$(dirname "$json")" "$(dirname "$junit")" || fail "cannot make the report files' directories"
echo "json-file=$json" >>"$GITHUB_OUTPUT"
echo "junit-file=$junit" >>"$GITHUB_OUTPUT"

args=(drift --source "${INPUT_SOURCE:-state}" --output "$json" --output "$junit")
# Stack names hold no white space, so lines and spaces both separate them.
read -r -a stacks <<<"$(printf '%s' "${INPUT_STACK:-}" | tr '\r\n\t' '   ')"
for stack in "${stacks[@]}"; do args+=(--stack "$stack"); done
case "${INPUT_ALL_STACKS:-false}" in
  true) args+=(--all-stacks) ;;
  false | "") ;;
  *) fail "all-stacks must be true or false" ;;
esac
if [ -n "${INPUT_CONCURRENCY:-}" ]; then args+=(--concurrency "$INPUT_CONCURRENCY"); fi

npx --yes "pulumi-bucket-encryption@$version" "${args[@]}"
code=$?
outcome=error
if [ -f "$json" ]; then
  outcome=$(node -p 'require(process.argv[1]).outcome' "$json" 2>/dev/null) || outcome=error
fi
case "$outcome" in in-sync | drift | error) ;; *) outcome=error ;; esac
echo "exit-code=$code" >>"$GITHUB_OUTPUT"
echo "outcome=$outcome" >>"$GITHUB_OUTPUT"
