"""Unit tests of the message checks against the real docs/ contracts (no broker): python -m unittest."""
import json
import unittest
from pathlib import Path

from checks import Message, check_message
from contracts import load_contracts

CONTRACTS = load_contracts()
SCHEMAS = Path(__file__).resolve().parent.parent.parent / "docs" / "events" / "schemas"


def example(event_type):
    """The example message every generated schema carries."""
    return json.loads((SCHEMAS / f"{event_type}.json").read_text())["examples"][0]


def message_of(event, topic="orders.order.v1", key=None, headers=None, value=None):
    return Message(
        topic=topic, partition=0, offset=7,
        key=(key if key is not None else event["subject"]).encode(),
        value=value if value is not None else json.dumps(event).encode(),
        headers=headers if headers is not None else {"ce-type": event["type"], "ce-id": event["id"], "traceparent": event["traceparent"]},
    )


class CheckMessageTest(unittest.TestCase):
    def test_every_documented_example_is_valid_on_its_topic(self):
        for event_type, topic in CONTRACTS.topic_of_type.items():
            verdict = check_message(CONTRACTS, message_of(example(event_type), topic=topic))
            self.assertEqual((event_type, []), (verdict.event_type, verdict.problems))

    def test_data_that_breaks_the_schema_of_its_type_and_version(self):
        event = example("marketplace.orders.OrderConfirmed.v1")
        event["data"]["orderId"] = "not-a-uuid"
        event["data"]["extra"] = 1
        problems = check_message(CONTRACTS, message_of(event)).problems
        self.assertTrue(any(p.startswith("marketplace.orders.OrderConfirmed.v1: data.orderId: 'not-a-uuid'") for p in problems), problems)
        self.assertTrue(any(p.startswith("marketplace.orders.OrderConfirmed.v1: data: ") and "'extra'" in p for p in problems), problems)

    def test_a_value_that_is_not_json_or_not_an_envelope(self):
        event = example("marketplace.orders.OrderConfirmed.v1")
        self.assertIn("not JSON", check_message(CONTRACTS, message_of(event, value=b"\x00poison")).problems[0])
        del event["specversion"]
        verdict = check_message(CONTRACTS, message_of(event))
        self.assertIsNone(verdict.event_type)
        self.assertIn("envelope", verdict.problems[0])

    def test_an_unknown_type_or_a_type_on_another_topic(self):
        event = example("marketplace.orders.OrderConfirmed.v1")
        self.assertIn("belongs on orders.order.v1", check_message(CONTRACTS, message_of(event, topic="payments.payment.v1")).problems[0])
        event["type"] = "marketplace.orders.OrderTeleported.v1"
        self.assertIn("unknown event type", check_message(CONTRACTS, message_of(event)).problems[0])

    def test_key_and_headers_must_repeat_the_envelope(self):
        event = example("marketplace.orders.OrderConfirmed.v1")
        self.assertIn("key 'other'", check_message(CONTRACTS, message_of(event, key="other")).problems[0])
        problems = check_message(CONTRACTS, message_of(event, headers={"ce-type": "marketplace.orders.OrderPlaced.v3"})).problems
        self.assertEqual(2, len(problems), problems)
        self.assertTrue(problems[0].startswith("header ce-type is 'marketplace.orders.OrderPlaced.v3'"), problems)
        self.assertTrue(problems[1].startswith("header ce-id is None"), problems)


if __name__ == "__main__":
    unittest.main()
