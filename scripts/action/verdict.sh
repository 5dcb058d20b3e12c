#!/usr/bin/env bash
# The verdict step of the repository's GitHub Action (action.yml): fails the step as FAIL_ON says,
# from the report's EXIT_CODE (0 in sync, 2 drift, 1 error; none at all counts as an error).
set -uo pipefail

code="${EXIT_CODE:-}"
[ -n "$code" ] || code=1
case "${FAIL_ON:-drift}" in
  drift) [ "$code" = 0 ] || { echo "::error title=BucketEncryption drift::the report found $([ "$code" = 2 ] && echo drift || echo an error) (exit $code); see the job summary"; exit 1; } ;;
  error) [ "$code" != 1 ] || { echo "::error title=BucketEncryption drift::the report could not check everything (exit 1); see the job summary"; exit 1; } ;;
  never) ;;
  *) echo "::error title=BucketEncryption drift::fail-on must be drift, error or never"; exit 1 ;;
esac
