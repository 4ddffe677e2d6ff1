#!/usr/bin/env bash
# Sourced by bin/pos and bin/test: finds a JDK 25 or newer and exports JAVA_HOME and PATH for it, so Maven
# builds with --release 25 and the launched JVMs run on it. Order: $JAVA_HOME, the machine's JDK folder
# (/usr/lib/jvm), then `java` on the PATH. Says what to install when none is found.

tillsync_java_major() {   # prints the feature version of the JDK at $1 (a JAVA_HOME), or nothing
  local home="$1" v
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  v="$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
  printf '%s' "${v%%.*}"
}

tillsync_find_jdk25() {
  local cand major
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/* \
      "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$cand" ] && [ -d "$cand" ] || continue
    major="$(tillsync_java_major "$cand")"
    if [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null; then
      printf '%s' "$cand"
      return 0
    fi
  done
  return 1
}

if TILLSYNC_JDK="$(tillsync_find_jdk25)"; then
  export JAVA_HOME="$TILLSYNC_JDK"
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven's own Guava calls sun.misc.Unsafe, which Java 25 warns about on every build.
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
else
  cat >&2 <<'MSG'
tillsync: no JDK 25 found. tillsync builds and runs on Java 25 LTS.
  Install one (for example Eclipse Temurin 25, or Debian/Ubuntu's openjdk-25-jdk where offered) and either
  set JAVA_HOME to it or put its bin/ first on your PATH. Looked at: $JAVA_HOME, /usr/lib/jvm/*, java on the PATH.
MSG
  exit 1
fi
