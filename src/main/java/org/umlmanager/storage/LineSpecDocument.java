package org.umlmanager.storage;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A {@code LineSpec} of the model; the variant is named by {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LineSpecDocument.Disabled.class, name = "disabled"),
        @JsonSubTypes.Type(value = LineSpecDocument.Single.class, name = "single"),
        @JsonSubTypes.Type(value = LineSpecDocument.Split.class, name = "split")})
sealed interface LineSpecDocument {

    record Disabled() implements LineSpecDocument {
    }

    record Single(ChannelDocument channel) implements LineSpecDocument {
    }

    record Split(ChannelDocument input, ChannelDocument output) implements LineSpecDocument {
    }
}
