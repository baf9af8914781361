#!/usr/bin/env bash
# Checks deploy/ and the Dockerfile as far as a machine without Docker allows (README,
# "Deployment"): the compose file against the compose-spec schema (dclint ships it), the
# environment example against server/config.ts, the nginx configuration with `nginx -t`, and
# a rehearsal of the image's build steps in clean temp folders. Prints one line per check and
# exits non-zero when any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
failed=0
check() {
  local name=$1
  shift
  echo "-- $name"
  if "$@"; then echo "   ok: $name"; else echo "   FAILED: $name"; failed=$((failed + 1)); fi
}

compose_schema() {
  (cd deploy && npx --no-install dclint -c .dclintrc.json docker-compose.yml)
}

env_example() {
  npx --no-install tsx scripts/deploy-check/env-coverage.ts
}

nginx_config() {
  if ! command -v nginx >/dev/null 2>&1 && [ -x /usr/sbin/nginx ]; then PATH="$PATH:/usr/sbin"; fi
  if ! command -v nginx >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "   installing Debian's nginx (apt-get)…"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light) >/dev/null 2>&1
      PATH="$PATH:/usr/sbin"
    fi
  fi
  command -v nginx >/dev/null 2>&1 || { echo "   nginx is not installed (apt-get install nginx-light)"; return 1; }
  local tmp
  tmp=$(mktemp -d)
  mkdir -p "$tmp/certs"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
    -keyout "$tmp/certs/privkey.pem" -out "$tmp/certs/fullchain.pem" >/dev/null 2>&1
  # The compose service names resolve only inside compose: point them at loopback here.
  sed -e 's/exchange-1:3000/127.0.0.1:3001/; s/exchange-2:3000/127.0.0.1:3002/' \
    -e "s#/etc/nginx/certs#$tmp/certs#" deploy/nginx/nginx.conf >"$tmp/nginx.conf"
  nginx -t -q -c "$tmp/nginx.conf" -g "error_log $tmp/error.log;" 2>&1 | grep -v '^$'
  local status=${PIPESTATUS[0]}
  rm -rf "$tmp"
  return "$status"
}

image_rehearsal() {
  npx --no-install tsx scripts/deploy-check/rehearse-image.ts
}

check "compose file (compose-spec schema, dclint)" compose_schema
check "environment example (server/config.ts)" env_example
check "nginx configuration (nginx -t)" nginx_config
check "image build rehearsal (Dockerfile steps in a clean folder)" image_rehearsal
echo "deploy check: $failed failed"
[ "$failed" -eq 0 ]
