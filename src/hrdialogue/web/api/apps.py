from __future__ import annotations

from django.apps import AppConfig

__all__ = ["Config"]


class Config(AppConfig):
    name = "hrdialogue.web.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        # Models are ready only now; importing the services earlier would load them too soon.
        from hrdialogue.web.accounts.signals import (  # noqa: PLC0415
            user_deactivated,
            user_demoted,
        )
        from hrdialogue.web.api.services import (  # noqa: PLC0415
            revoke_tokens_of_deactivated,
            revoke_tokens_of_demoted,
        )

        user_deactivated.connect(revoke_tokens_of_deactivated, dispatch_uid="api.revoke-tokens")
        user_demoted.connect(revoke_tokens_of_demoted, dispatch_uid="api.revoke-tokens-demoted")
