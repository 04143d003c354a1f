"""Counts what was read, per topic and event type, and keeps every invalid message with its reasons."""
from collections import Counter, defaultdict


class Summary:
    def __init__(self, prefix, topics):
        self.prefix = prefix
        self.types_by_topic = {topic: Counter() for topic in topics}
        self.missing_topics = []
        self.dead_letters = {}
        self.invalid = []

    def add(self, message, verdict):
        self.types_by_topic[message.topic][verdict.event_type or "(unreadable)"] += 1
        if verdict.problems:
            self.invalid.append({
                "topic": message.topic,
                "partition": message.partition,
                "offset": message.offset,
                "key": message.key.decode("utf-8", "replace") if message.key is not None else None,
                "type": verdict.event_type,
                "reasons": verdict.problems,
            })

    def as_json(self):
        types = defaultdict(int)
        for counts in self.types_by_topic.values():
            for event_type, count in counts.items():
                types[event_type] += count
        return {
            "topicPrefix": self.prefix,
            "messages": sum(types.values()),
            "invalidCount": len(self.invalid),
            "topics": {
                topic: {"messages": sum(counts.values()), "types": dict(sorted(counts.items()))}
                for topic, counts in self.types_by_topic.items()
            },
            "types": dict(sorted(types.items())),
            "missingTopics": self.missing_topics,
            "deadLetters": self.dead_letters,
            "invalid": self.invalid,
        }

    def as_text(self):
        lines = []
        for topic, counts in self.types_by_topic.items():
            missing = " (no such topic)" if topic in self.missing_topics else ""
            lines.append(f"{self.prefix}{topic}: {sum(counts.values())} messages{missing}")
            lines.extend(f"  {count:>8}  {event_type}" for event_type, count in sorted(counts.items()))
        lines.extend(f"{self.prefix}{topic}: {count} dead letters" for topic, count in self.dead_letters.items() if count)
        for item in self.invalid:
            lines.append(f"INVALID {self.prefix}{item['topic']} [{item['partition']}] @{item['offset']} key={item['key']}:")
            lines.extend(f"  - {reason}" for reason in item["reasons"])
        total = sum(sum(counts.values()) for counts in self.types_by_topic.values())
        lines.append(f"{total} messages, {len(self.invalid)} invalid")
        return "\n".join(lines)
