/**
 * The configuration of a UML instance as immutable values: {@link org.umlmanager.model.Instance}
 * and the device types it is made of. JDK only, no I/O; every other package may use it.
 */
package org.umlmanager.model;
