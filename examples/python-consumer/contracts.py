"""The published contracts, read from docs/: the envelope schema, one schema per event type and the topic index."""
import json
from dataclasses import dataclass
from pathlib import Path

from jsonschema import Draft202012Validator

DEFAULT_DOCS = Path(__file__).resolve().parent.parent.parent / "docs" / "events"


@dataclass(frozen=True)
class Contracts:
    envelope: Draft202012Validator
    by_type: dict  # event type -> validator of the whole message (envelope + that type's data)
    topic_of_type: dict  # event type -> the topic it is published on
    dead_letter_topics: dict  # topic -> its dead-letter topic

    @property
    def topics(self):
        return sorted(self.dead_letter_topics)


def load_contracts(docs_dir=DEFAULT_DOCS):
    docs_dir = Path(docs_dir)
    index = json.loads((docs_dir / "topics.json").read_text())["topics"]
    return Contracts(
        envelope=_validator(docs_dir / "envelope.schema.json"),
        # A schema file is named after its type: marketplace.orders.OrderPlaced.v3.json.
        by_type={path.stem: _validator(path) for path in sorted((docs_dir / "schemas").glob("*.json"))},
        topic_of_type={event_type: topic for topic, entry in index.items() for event_type in entry["eventTypes"]},
        dead_letter_topics={topic: entry["deadLetterTopic"] for topic, entry in index.items()},
    )


def _validator(path):
    schema = json.loads(path.read_text())
    Draft202012Validator.check_schema(schema)
    # Formats (uuid, email, date-time) are checked too, not only the types.
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
