package org.sunbid.screening.cardinal;

/** A settings file that Cardinal would refuse: bad INI, an unknown section or key, or a value of the wrong type. */
public final class SettingsException extends Exception {

    public SettingsException(String message) {
        super(message);
    }
}
