"""Reads every marketplace topic from the beginning, validates each message against the published JSON
Schemas and prints a summary. Exit status: 0 all valid, 1 some message invalid, 2 could not read.

    python consume.py [--brokers HOST:PORT,...] [--topic-prefix P] [--topic T ...] [--json]
"""
import argparse
import json
import os
import sys

from checks import check_message
from contracts import DEFAULT_DOCS, load_contracts
from reader import TopicReader
from summary import Summary


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--brokers", default=os.environ.get("KAFKA_BROKERS", "127.0.0.1:9092"),
                        help="bootstrap servers (default: $KAFKA_BROKERS, else 127.0.0.1:9092)")
    parser.add_argument("--topic-prefix", default=os.environ.get("KAFKA_TOPIC_PREFIX", ""),
                        help="the deployment's KAFKA_TOPIC_PREFIX, if it set one (default: $KAFKA_TOPIC_PREFIX)")
    parser.add_argument("--topic", action="append", dest="topics", metavar="TOPIC",
                        help="a documented topic to read, e.g. orders.order.v1 (repeatable; default: all of them)")
    parser.add_argument("--docs", default=str(DEFAULT_DOCS), help="the folder holding topics.json, envelope.schema.json and schemas/")
    parser.add_argument("--json", action="store_true", help="print the summary as one JSON document")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the broker (default 30)")
    return parser.parse_args(argv)


def run(args):
    contracts = load_contracts(args.docs)
    topics = args.topics or contracts.topics
    unknown = [topic for topic in topics if topic not in contracts.dead_letter_topics]
    if unknown:
        raise ValueError(f"not a documented topic: {', '.join(unknown)} (see docs/events.md)")
    summary = Summary(args.topic_prefix, topics)
    reader = TopicReader(args.brokers, args.topic_prefix, args.timeout)
    try:
        present = reader.existing_topics(topics)
        summary.missing_topics = [topic for topic in topics if topic not in present]
        for message in reader.read(present):
            summary.add(message, check_message(contracts, message))
        dead_letter_topics = reader.existing_topics([contracts.dead_letter_topics[topic] for topic in topics])
        summary.dead_letters = {topic: reader.count(topic) for topic in dead_letter_topics}
    finally:
        reader.close()
    return summary


def main(argv):
    args = parse_args(argv)
    try:
        summary = run(args)
    except Exception as error:  # noqa: BLE001 - any failure to read is reported the same way
        print(f"consume.py: could not read the topics: {error}", file=sys.stderr)
        return 2
    print(json.dumps(summary.as_json(), indent=2) if args.json else summary.as_text())
    return 1 if summary.invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
