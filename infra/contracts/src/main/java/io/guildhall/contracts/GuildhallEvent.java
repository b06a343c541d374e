package io.guildhall.contracts;

/**
 * An integration event: a record that Guildhall publishes on Kafka as the data of a CloudEvent.
 * Its aggregate id is the Kafka record key and the CloudEvent subject.
 */
public interface GuildhallEvent {
    String aggregateId();
}
