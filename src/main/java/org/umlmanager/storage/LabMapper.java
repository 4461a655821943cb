package org.umlmanager.storage;

import static org.umlmanager.storage.Nullables.elements;
import static org.umlmanager.storage.Nullables.require;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.umlmanager.model.Lab;
import org.umlmanager.model.LabDevice;
import org.umlmanager.model.LabDomain;
import org.umlmanager.model.LabSetting;
import org.umlmanager.model.NodePosition;
import org.umlmanager.storage.LabDocument.DeviceDocument;
import org.umlmanager.storage.LabDocument.DomainDocument;
import org.umlmanager.storage.LabDocument.PositionDocument;
import org.umlmanager.storage.LabDocument.SettingDocument;

/** Saved labs between the model and their documents. */
final class LabMapper {

    private LabMapper() {
    }

    static LabDocument toDocument(Lab lab, int schemaVersion) {
        return new LabDocument(schemaVersion, lab.name(), lab.directory().orElse(null), settings(lab.metadata()),
                lab.devices().stream().map(d -> new DeviceDocument(d.name(), d.instance(), d.after(),
                        settings(d.settings()))).toList(),
                lab.domains().stream().map(d -> new DomainDocument(d.name(), d.network())).toList(),
                lab.positions().stream().map(p -> new PositionDocument(p.kind().name().toLowerCase(Locale.ROOT),
                        p.name(), p.x(), p.y())).toList());
    }

    /** The lab a document describes; its name is {@code name} (the file's). */
    static Lab toModel(LabDocument d, String name) throws DocumentFormatException {
        List<LabDevice> devices = new ArrayList<>();
        List<DeviceDocument> deviceDocs = elements(d.devices(), "devices");
        for (int i = 0; i < deviceDocs.size(); i++) {
            DeviceDocument dev = deviceDocs.get(i);
            String path = "devices[" + i + "]";
            devices.add(new LabDevice(require(dev.name(), path + ".name"), require(dev.instance(), path + ".instance"),
                    elements(dev.after(), path + ".after"), settings(dev.settings(), path + ".settings")));
        }
        List<LabDomain> domains = new ArrayList<>();
        List<DomainDocument> domainDocs = elements(d.domains(), "domains");
        for (int i = 0; i < domainDocs.size(); i++) {
            String path = "domains[" + i + "]";
            domains.add(new LabDomain(require(domainDocs.get(i).name(), path + ".name"),
                    require(domainDocs.get(i).network(), path + ".network")));
        }
        List<NodePosition> positions = new ArrayList<>();
        List<PositionDocument> positionDocs = elements(d.positions(), "positions");
        for (int i = 0; i < positionDocs.size(); i++) {
            positions.add(position(positionDocs.get(i), "positions[" + i + "]"));
        }
        return new Lab(name, Optional.ofNullable(d.directory()), settings(d.metadata(), "metadata"), devices, domains,
                positions);
    }

    private static List<SettingDocument> settings(List<LabSetting> settings) {
        return settings.stream().map(s -> new SettingDocument(s.key(), s.value())).toList();
    }

    private static List<LabSetting> settings(List<SettingDocument> docs, String path) throws DocumentFormatException {
        List<SettingDocument> list = elements(docs, path);
        List<LabSetting> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(new LabSetting(require(list.get(i).key(), path + "[" + i + "].key"),
                    require(list.get(i).value(), path + "[" + i + "].value")));
        }
        return out;
    }

    private static NodePosition position(PositionDocument p, String path) throws DocumentFormatException {
        String kind = require(p.kind(), path + ".kind");
        NodePosition.Kind k;
        try {
            k = NodePosition.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DocumentFormatException(path + ".kind is '" + kind + "'; expected device, domain or network");
        }
        try {
            return new NodePosition(k, require(p.name(), path + ".name"), require(p.x(), path + ".x"),
                    require(p.y(), path + ".y"));
        } catch (IllegalArgumentException e) {
            throw new DocumentFormatException(path + ": " + e.getMessage());
        }
    }
}
