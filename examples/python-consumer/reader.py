"""Reads topics from their first message up to the last one present when reading started, then stops."""
import time
import uuid

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, KafkaException, TopicPartition

from checks import Message

POLL_SECONDS = 1.0


class TopicReader:
    def __init__(self, brokers, prefix="", timeout_seconds=30.0):
        self.prefix = prefix
        self.timeout_seconds = timeout_seconds
        # A throwaway group that commits nothing: every run reads everything again, and no one's offsets move.
        self.consumer = Consumer({
            "bootstrap.servers": brokers,
            "group.id": f"analysts-{uuid.uuid4()}",
            "enable.auto.commit": False,
            "enable.auto.offset.store": False,
            "auto.offset.reset": "earliest",
            "enable.partition.eof": True,
        })

    def existing_topics(self, logical_names):
        """The logical names among `logical_names` that exist on the broker (under the prefix)."""
        metadata = self.consumer.list_topics(timeout=self.timeout_seconds)
        return [name for name in logical_names if self.prefix + name in metadata.topics]

    def count(self, logical_name):
        """Messages currently in a topic, from the watermarks, without reading them (for dead-letter topics)."""
        return sum(high - low for low, high in self._watermarks(logical_name).values())

    def read(self, logical_names):
        """Yields a Message for every message of the topics, in order per partition."""
        ends = {}
        for name in logical_names:
            for partition, (low, high) in self._watermarks(name).items():
                if high > low:
                    ends[(self.prefix + name, partition)] = high
        if not ends:
            return
        self.consumer.assign([TopicPartition(topic, partition, OFFSET_BEGINNING) for topic, partition in ends])
        deadline = time.monotonic() + self.timeout_seconds
        while ends:
            if time.monotonic() > deadline:
                raise TimeoutError(f"nothing read for {self.timeout_seconds}s; still waiting on {sorted(ends)}")
            record = self.consumer.poll(POLL_SECONDS)
            if record is None:
                continue
            deadline = time.monotonic() + self.timeout_seconds
            where = (record.topic(), record.partition())
            if record.error():
                # The end of a partition can come before the watermark when offsets hold no message (transaction markers).
                if record.error().code() == KafkaError._PARTITION_EOF:
                    ends.pop(where, None)
                    continue
                raise KafkaException(record.error())
            if where not in ends:
                continue
            yield Message(
                topic=record.topic()[len(self.prefix):],
                partition=record.partition(),
                offset=record.offset(),
                key=record.key(),
                value=record.value(),
                headers={name: (value or b"").decode("utf-8", "replace") for name, value in record.headers() or []},
            )
            if record.offset() + 1 >= ends[where]:
                del ends[where]

    def close(self):
        self.consumer.close()

    def _watermarks(self, logical_name):
        topic = self.prefix + logical_name
        metadata = self.consumer.list_topics(topic, timeout=self.timeout_seconds).topics[topic]
        return {
            partition: self.consumer.get_watermark_offsets(TopicPartition(topic, partition), timeout=self.timeout_seconds)
            for partition in metadata.partitions
        }
