"""A second factor (a time-based one-time password, RFC 6238) for the accounts that can read
every confidential reply: the Secretariat and the Django admin's staff."""
