#!/usr/bin/env bash
# Regenerates test/fixtures/tls: a private test CA and the server certificates the loopback TLS
# servers present (the benchmark's regional endpoints and the transport tests' names). The CA's
# key is thrown away, so nothing can be signed with it later. Valid for 20 years; RSA 2048 like
# the clouds' public endpoints.
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/test/fixtures/tls"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
openssl req -x509 -newkey rsa:2048 -nodes -days 7300 -subj "/CN=pulumi-bucket-encryption test CA" \
  -keyout "$work/ca.key" -out "$out/ca.crt" -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign" 2>/dev/null
issue() { # name subject-alt-names
  openssl req -newkey rsa:2048 -nodes -subj "/CN=$1" -keyout "$out/$1.key" -out "$work/$1.csr" 2>/dev/null
  printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\n' "$2" >"$work/$1.ext"
  openssl x509 -req -in "$work/$1.csr" -CA "$out/ca.crt" -CAkey "$work/ca.key" -CAserial "$work/ca.srl" -CAcreateserial -days 7300 \
    -extfile "$work/$1.ext" -out "$out/$1.crt" 2>/dev/null
}
issue regional "DNS:*.oss-cn-hangzhou.aliyuncs.com,DNS:oss-cn-hangzhou.aliyuncs.com,DNS:*.s3.cn-north-1.jdcloud-oss.com,DNS:s3.cn-north-1.jdcloud-oss.com,DNS:*.region.test,DNS:region.test,DNS:localhost,IP:127.0.0.1"
issue only-a "DNS:a.region.test"
issue only-c "DNS:c.region.test"
