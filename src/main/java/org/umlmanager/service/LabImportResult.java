package org.umlmanager.service;

import java.util.List;
import java.util.Objects;
import org.umlmanager.lab.LabProblem;
import org.umlmanager.model.Lab;

/** A lab that was imported, and what the user should know about its directory. */
public record LabImportResult(Lab lab, List<LabProblem> warnings) {
    public LabImportResult {
        Objects.requireNonNull(lab, "lab");
        warnings = List.copyOf(warnings);
    }
}
