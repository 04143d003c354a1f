#!/usr/bin/env bash
# A real Apache Kafka broker on 127.0.0.1 for tests and local runs: KRaft, one node acting as broker
# and controller, jars resolved by Maven from Maven Central, run on the installed Java 17.
#   infra/kafka.sh {start|stop|status|env}
# Env: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (KAFKA_PORT+1), KAFKA_VERSION, KAFKA_HEAP_OPTS,
#      MARKETPLACE_CACHE (jar cache root, default ~/.cache/marketplace).
SERVICE=kafka
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# 3.9.x: the last line before Kafka 4.0 removed old protocol API versions (KIP-896); kafkajs 2.2.4 is
# unmaintained and not verified against 4.x brokers.
KAFKA_VERSION="${KAFKA_VERSION:-3.9.1}"
SCALA_VERSION=2.13
SLF4J_VERSION=1.7.36
KAFKA_HOST=127.0.0.1
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}"
STATE_DIR="$STATE_ROOT/kafka"
JAR_DIR="$CACHE_ROOT/kafka-$KAFKA_VERSION"

# Resolves the broker's runtime classpath once; a marker file makes later starts skip Maven entirely.
fetch_jars() {
  [[ -f "$JAR_DIR/.complete" ]] && return 0
  require_cmd mvn "Apache Maven (e.g. apt-get install maven)"
  log "resolving Kafka $KAFKA_VERSION jars from Maven Central into $JAR_DIR"
  local work; work="$(mktemp -d)"
  cat >"$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>marketplace.infra</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_$SCALA_VERSION</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-reload4j</artifactId><version>$SLF4J_VERSION</version></dependency>
  </dependencies>
</project>
POM
  mkdir -p "$JAR_DIR"
  if ! (cd "$work" && mvn -q -B dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$JAR_DIR" >"$work/mvn.log" 2>&1); then
    cat "$work/mvn.log" >&2
    rm -rf "$work"
    die "Maven could not resolve org.apache.kafka:kafka_$SCALA_VERSION:$KAFKA_VERSION (network or Maven Central unreachable?)"
  fi
  rm -rf "$work"
  touch "$JAR_DIR/.complete"
}

write_config() {
  mkdir -p "$STATE_DIR/data"
  cat >"$STATE_DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$STATE_DIR/data
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=3
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
delete.topic.enable=true
num.network.threads=2
num.io.threads=2
num.recovery.threads.per.data.dir=1
log.retention.hours=24
log.segment.bytes=67108864
PROPS
  cat >"$STATE_DIR/log4j.properties" <<'LOG4J'
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.org.apache.kafka.controller=WARN
LOG4J
}

# The java command line shared by the broker and the storage tool (heap from KAFKA_HEAP_OPTS).
java_argv() { # java_argv <main class> <args...>  -> JAVA_ARGV
  # shellcheck disable=SC2206 # KAFKA_HEAP_OPTS holds several flags on purpose
  JAVA_ARGV=(java $KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true
    "-Dlog4j.configuration=file:$STATE_DIR/log4j.properties" -cp "$JAR_DIR/*" "$@")
}

storage_tool() { # storage_tool <args...>: a short-lived JVM, so a small heap
  KAFKA_HEAP_OPTS=-Xmx128m java_argv kafka.tools.StorageTool "$@"
  "${JAVA_ARGV[@]}"
}

# Formats the KRaft metadata log once; the cluster id is kept so restarts reuse the same data.
format_storage() {
  [[ -f "$STATE_DIR/data/meta.properties" ]] && return 0
  local cluster_id
  cluster_id="$(storage_tool random-uuid 2>/dev/null | tail -n1)"
  [[ -n "$cluster_id" ]] || die "the Kafka storage tool could not generate a cluster id"
  log "formatting KRaft storage (cluster $cluster_id)"
  storage_tool format -t "$cluster_id" -c "$STATE_DIR/server.properties" \
    >"$STATE_DIR/format.log" 2>&1 || { cat "$STATE_DIR/format.log" >&2; die "formatting KRaft storage failed"; }
}

# Kafka answers an ApiVersions request (api key 18, v0, correlation id 1) with a response carrying
# correlation id 1: proof that the broker speaks the protocol, not merely that the port is open.
kafka_answers() {
  local reply
  reply="$(timeout 3 bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    printf "\x00\x00\x00\x0e\x00\x12\x00\x00\x00\x00\x00\x01\x00\x04ping" >&3
    head -c 8 <&3 | od -An -tx1 | tr -d " \n"
  ' "$KAFKA_HOST" "$KAFKA_PORT" 2>/dev/null)" || return 1
  [[ "${reply:8:8}" == "00000001" ]]
}

broker_ready() {
  grep -q "Kafka Server started" "$STATE_DIR/server.log" 2>/dev/null && kafka_answers
}

do_start() {
  if pid="$(running_pid)"; then
    log "already running (pid $pid) on $KAFKA_HOST:$KAFKA_PORT"
    return 0
  fi
  require_cmd java "Java 17 (e.g. apt-get install openjdk-17-jre-headless)"
  ensure_port_free "$KAFKA_HOST" "$KAFKA_PORT"
  ensure_port_free "$KAFKA_HOST" "$KAFKA_CONTROLLER_PORT"
  fetch_jars
  write_config
  format_storage
  log "starting Kafka $KAFKA_VERSION on $KAFKA_HOST:$KAFKA_PORT (log: $STATE_DIR/server.log)"
  : >"$STATE_DIR/server.log"
  java_argv kafka.Kafka "$STATE_DIR/server.properties"
  launch_daemon "$STATE_DIR/server.log" 120 "Kafka accepting requests on $KAFKA_HOST:$KAFKA_PORT" broker_ready -- "${JAVA_ARGV[@]}"
}

do_stop() { stop_pid 30; }

do_status() { report_status "$KAFKA_HOST:$KAFKA_PORT" kafka_answers; }

do_env() { export_pair KAFKA_BROKERS "$KAFKA_HOST:$KAFKA_PORT"; }

dispatch "$@"
