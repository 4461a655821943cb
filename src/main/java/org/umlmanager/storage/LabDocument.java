package org.umlmanager.storage;

import java.util.List;

/**
 * Schema of one saved lab's file ({@code labs/NAME.json}). Null means absent. Field names are the
 * file format; renaming one is a schema change.
 */
record LabDocument(Integer schemaVersion, String name, String directory, List<SettingDocument> metadata,
                   List<DeviceDocument> devices, List<DomainDocument> domains, List<PositionDocument> positions) {

    record SettingDocument(String key, String value) {
    }

    record DeviceDocument(String name, String instance, List<String> after, List<SettingDocument> settings) {
    }

    record DomainDocument(String name, String network) {
    }

    /** {@code kind} is {@code device}, {@code domain} or {@code network}. */
    record PositionDocument(String kind, String name, Double x, Double y) {
    }
}
