package roost.api.config;

import roost.model.RoostException;

/** A setting that cannot be used; the message names the key, the value and what is allowed. */
public final class ConfigException extends RoostException {
    public ConfigException(String message) {
        super(message);
    }
}
