/** The console's support page: tickets, their threads, answers, closing and reopening. */
package ppvchat.console.support;
