/**
 * The instance store: one JSON file per instance under {@code AppPaths.instancesDir()}.
 * Jackson lives here and nowhere else; the JSON documents are separate DTO records so that the
 * model can change without changing the file format by accident.
 */
package org.umlmanager.storage;
