package ppvchat.tenancy.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import ppvchat.accounts.entity.Permission;
import ppvchat.accounts.entity.Role;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.tenancy.entity.Webmaster;

/**
 * What each chat role may do on a site, as its admins grant and revoke it. Live typing (seeing what
 * someone types before they send it) can never go to users or guests: it would let any visitor read
 * everyone's unsent words.
 */
@Stateless
public class RolePermissions {

    /** One role's permissions. */
    public record Grants(Role role, Set<Permission> granted) {

        public boolean has(Permission permission) {
            return granted.contains(permission);
        }

        public boolean mayHave(Permission permission) {
            return permission != Permission.LIVE_TYPING || role.mayEverSeeLiveTyping();
        }
    }

    private static final Logger LOG = Logger.getLogger(RolePermissions.class.getName());

    @PersistenceContext
    EntityManager em;

    public List<Grants> of(long webmasterId) {
        Webmaster site = site(webmasterId, LockModeType.NONE);
        return Arrays.stream(Role.values())
                .map(role -> {
                    EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
                    for (Permission permission : Permission.values()) {
                        if (site.permits(role, permission)) {
                            granted.add(permission);
                        }
                    }
                    return new Grants(role, Set.copyOf(granted));
                })
                .toList();
    }

    public void change(long webmasterId, Role role, Permission permission, boolean granted, String actor) {
        if (role == null || permission == null) {
            throw new DomainException("choose a role and a permission");
        }
        if (granted && permission == Permission.LIVE_TYPING && !role.mayEverSeeLiveTyping()) {
            throw new DomainException("live typing is never granted to "
                    + role.name().toLowerCase() + "s: it would let them read what others type before they send it");
        }
        Webmaster site = site(webmasterId, LockModeType.PESSIMISTIC_WRITE);
        if (granted) {
            site.grant(role, permission);
        } else {
            site.revoke(role, permission);
        }
        LOG.info(() -> (granted ? "granted " : "revoked ") + permission + " for " + role + " on site " + webmasterId
                + " by " + actor);
    }

    private Webmaster site(long webmasterId, LockModeType lock) {
        Webmaster site = em.find(Webmaster.class, webmasterId, lock);
        if (site == null) {
            throw new NotFound("no webmaster " + webmasterId);
        }
        return site;
    }
}
