/** Performer earnings ({@code ppv_tips}) and the payout statements that pay them. */
package ppvchat.payouts.entity;
