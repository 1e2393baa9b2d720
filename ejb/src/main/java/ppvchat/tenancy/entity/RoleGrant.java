package ppvchat.tenancy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import ppvchat.accounts.entity.Permission;
import ppvchat.accounts.entity.Role;

/** One permission granted to one role; a row of {@code role_permission}. */
@Embeddable
public class RoleGrant {

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 10)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(name = "permission", nullable = false, length = 20)
    private Permission permission;

    protected RoleGrant() {}

    RoleGrant(Role role, Permission permission) {
        if (permission == Permission.LIVE_TYPING && !role.mayEverSeeLiveTyping()) {
            throw new IllegalArgumentException("live typing cannot be granted to " + role);
        }
        this.role = role;
        this.permission = permission;
    }

    public Role role() {
        return role;
    }

    public Permission permission() {
        return permission;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoleGrant other && role == other.role && permission == other.permission;
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, permission);
    }
}
