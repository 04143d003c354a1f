"""Checks one Kafka message against the contracts: value, envelope, data by type and version, topic, key, headers."""
import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    topic: str  # the documented (logical) topic name, without any deployment prefix
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: dict  # header name -> value as text


@dataclass(frozen=True)
class Verdict:
    event_type: str | None  # None when the value is not even a readable envelope
    problems: list


def check_message(contracts, message):
    try:
        event = json.loads(message.value) if message.value is not None else None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return Verdict(None, [f"value is not JSON: {error}"])
    if not isinstance(event, dict):
        return Verdict(None, ["value is not a JSON object (a CloudEvent)"])
    problems = _schema_problems(contracts.envelope, event, "envelope")
    if problems:
        return Verdict(None, problems)
    event_type = event["type"]
    validator = contracts.by_type.get(event_type)
    if validator is None:
        return Verdict(event_type, [f"unknown event type {event_type}: no schema in docs/events/schemas"])
    problems = _schema_problems(validator, event, event_type)
    expected_topic = contracts.topic_of_type.get(event_type)
    if expected_topic != message.topic:
        problems.append(f"{event_type} belongs on {expected_topic}, not {message.topic}")
    return Verdict(event_type, problems + _transport_problems(event, message))


def _schema_problems(validator, instance, what):
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    return [f"{what}: {_path(error)}: {error.message}" for error in errors]


def _path(error):
    return ".".join(str(part) for part in error.absolute_path) or "(message)"


def _transport_problems(event, message):
    """The key and headers repeat parts of the envelope, so that kcat and friends need not parse the value."""
    problems = []
    key = message.key.decode("utf-8", "replace") if message.key is not None else None
    if key != event["subject"]:
        problems.append(f"key {key!r} is not the subject {event['subject']!r}")
    expected_headers = {"ce-type": event["type"], "ce-id": event["id"]}
    if "traceparent" in event and "traceparent" in message.headers:
        expected_headers["traceparent"] = event["traceparent"]
    for name, expected in expected_headers.items():
        if message.headers.get(name) != expected:
            problems.append(f"header {name} is {message.headers.get(name)!r}, the envelope says {expected!r}")
    return problems
