package ppvchat.tenancy.entity;

import ppvchat.platform.entity.DomainException;

/** The server has no key to seal or open API secrets with (PPV_SECRETS_KEY). */
public class SecretsNotSetUp extends DomainException {

    private static final long serialVersionUID = 1L;

    public SecretsNotSetUp(String message) {
        super(message);
    }
}
