#!/bin/sh
# Modular-input launcher: splunkd runs this with --scheme, --validate-arguments, or no argument (run mode,
# input definition XML on stdin). It execs the JAR shipped in this add-on, so splunkd's signals reach the JVM.
# Java: $JAVA_HOME/bin/java when JAVA_HOME is set, else java on the PATH (Java 17 or newer).
# JVM options: one per line in ../default/jvm.options or ../local/jvm.options (local wins), e.g. -Xmx512m;
# lines starting with # are comments.
here=$(cd "$(dirname "$0")" && pwd)
app=$(dirname "$here")
jar="$app/jars/estreamer.jar"
if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java="$JAVA_HOME/bin/java"
else
    java=java
fi
options="$app/default/jvm.options"
[ -f "$app/local/jvm.options" ] && options="$app/local/jvm.options"
opts=""
if [ -f "$options" ]; then
    opts=$(tr -d '\r' < "$options" | grep -v '^[[:space:]]*#' | tr '\n' ' ')
fi
# an option such as -Xlog:gc*:file=... is passed as written, never expanded against file names
set -f
# shellcheck disable=SC2086 # one option per word on purpose
exec "$java" $opts -jar "$jar" splunk "$@"
