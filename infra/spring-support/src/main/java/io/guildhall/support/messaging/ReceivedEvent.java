package io.guildhall.support.messaging;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.GuildhallEvent;

/** A consumed event: its CloudEvents attributes and its data as the contract record. */
public record ReceivedEvent(CloudEventHeaders headers, GuildhallEvent data) {
}
