#!/usr/bin/env bash
# Provisions the OpsDesk server: unpacks the WildFly distribution, adds the PostgreSQL
# driver module and applies configure.cli. Idempotent: skipped while nothing it uses changed.
# usage: provision.sh SERVER_DIR WILDFLY_DIST_ZIP POSTGRESQL_JAR CONFIG_DIR
set -euo pipefail
server=$1 dist=$2 pgjar=$3 config=$4

stamp=$( { sha256sum "$0" "$config/configure.cli" "$config/standalone.conf.append" \
           "$config/modules/org/postgresql/main/module.xml"; echo "$(stat -c %s "$dist")"; sha256sum "$pgjar"; } | sha256sum | cut -c1-64)
marker="$server/.opsdesk-provisioned"
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$stamp" ]; then
  echo "OpsDesk server up to date in $server"
  exit 0
fi

echo "Provisioning OpsDesk server in $server from $(basename "$dist")"
rm -rf "$server" "$server.tmp"
mkdir -p "$server.tmp"
if command -v unzip >/dev/null 2>&1; then
  unzip -q "$dist" -d "$server.tmp"
else
  (cd "$server.tmp" && jar xf "$dist")
fi
mv "$server.tmp"/wildfly-* "$server"
rm -rf "$server.tmp"
chmod +x "$server"/bin/*.sh

cp -r "$config/modules/org" "$server/modules/"
cp "$pgjar" "$server/modules/org/postgresql/main/postgresql.jar"
cat "$config/standalone.conf.append" >> "$server/bin/standalone.conf"

JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" "$server/bin/jboss-cli.sh" --file="$config/configure.cli"
# boot logging reads logging.properties, which the embedded run does not rewrite: without this, the first boot of
# every fresh base directory logs the JVM arguments (with any -D password) at DEBUG
sed -i 's/^logger\.org\.jboss\.as\.config\.level=DEBUG$/logger.org.jboss.as.config.level=INFO/' \
  "$server/standalone/configuration/logging.properties"
# the embedded run leaves history and data behind that a fresh server must not carry
rm -rf "$server/standalone/configuration/standalone_xml_history" "$server/standalone/data" "$server/standalone/log" "$server/standalone/tmp"
echo "$stamp" > "$marker"
echo "OpsDesk server provisioned"
