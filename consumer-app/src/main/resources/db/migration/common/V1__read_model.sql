-- The read model as the service created it before versioned migrations (ReadModelSchema, 0.1.0): one row per
-- order with its current status, and the id of every event handled, written in the same transaction as its effect.
CREATE TABLE orders (
    order_id VARCHAR(64) NOT NULL PRIMARY KEY,
    customer_id VARCHAR(64) NOT NULL,
    status VARCHAR(16) NOT NULL,
    total_amount DECIMAL(12,2) NOT NULL,
    currency VARCHAR(3) NOT NULL,
    item_count INT NOT NULL,
    ship_to_city VARCHAR(128),
    ship_to_country VARCHAR(2),
    cancel_reason VARCHAR(256),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    event_count INT NOT NULL
);

CREATE TABLE processed_events (
    event_id VARCHAR(64) NOT NULL PRIMARY KEY,
    order_id VARCHAR(64) NOT NULL,
    event_type VARCHAR(64) NOT NULL,
    outcome VARCHAR(16) NOT NULL,
    source_topic VARCHAR(249) NOT NULL,
    source_partition INT NOT NULL,
    source_offset BIGINT NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
