"""The admin's translation status page: every translatable page and snippet × EN/ES."""
