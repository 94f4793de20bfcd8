"""Which outbox e-mails an organiser may see (registered with core; filled in by the
outbox-scoping work)."""
