package ppvchat.support.control;

import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.ConsoleAccount;
import ppvchat.support.entity.SupportTicket;

/**
 * Who is at the support desk, for one site: a chat user (a performer or a chat moderator) or a console
 * account. Staff (the site's admins, and platform admins) see every ticket of the site; everyone else sees
 * only the tickets they opened.
 */
public record SupportParty(long webmasterId, ChatUser user, ConsoleAccount account, boolean staff) {

    public boolean opened(SupportTicket ticket) {
        return user != null ? ticket.openedBy(user) : ticket.openedBy(account);
    }

    public boolean sees(SupportTicket ticket) {
        return ticket.webmasterId() == webmasterId && (staff || opened(ticket));
    }

    public boolean wrote(Long authorUserId, Long authorAccountId) {
        return user != null ? user.id().equals(authorUserId) : account.id().equals(authorAccountId);
    }
}
