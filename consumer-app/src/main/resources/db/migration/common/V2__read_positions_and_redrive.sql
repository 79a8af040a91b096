-- How far the read model has read each partition, written in the same transaction as the events: the model holds
-- exactly the records below next_offset. The rebuild command compares two models at the same positions with it.
CREATE TABLE read_positions (
    source_topic VARCHAR(249) NOT NULL,
    source_partition INT NOT NULL,
    next_offset BIGINT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source_topic, source_partition)
);

-- A read model of 0.1.0 recorded the offset of every event it handled: the positions it had reached.
INSERT INTO read_positions (source_topic, source_partition, next_offset, updated_at)
SELECT source_topic, source_partition, MAX(source_offset) + 1, MAX(processed_at)
FROM processed_events
GROUP BY source_topic, source_partition;

-- The dead letter a re-driven event came from (dlq.redriven.from), so that a re-driven event is tried again once,
-- and its redelivery is a duplicate.
ALTER TABLE processed_events ADD COLUMN redrive_id VARCHAR(300);
