from django.apps import AppConfig
from django.db.models.signals import pre_delete
from django.utils.translation import gettext_lazy as _


def _forget_holder(sender, instance, **kwargs):
    from .services import certificates_anonymise_holder

    certificates_anonymise_holder(user=instance)


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.conf import settings

        from core.outbox import register_composer
        from people.dashboard import Panel, register_panel
        from people.enums import Role
        from people.roles import register_permissions
        from people.selectors import register_data_section

        from .selectors import person_certificate_data
        from .tasks import OUTBOX_KIND, certificate_email_compose

        register_data_section("certificates", person_certificate_data)
        register_permissions(
            Role.ORGANISER,
            ("certificates", "certificate", "view_certificate"),
            ("certificates", "certificate", "change_certificate"),
            # The outbox: organisers see which e-mails failed and send them again.
            ("core", "outboxmessage", "view_outboxmessage"),
            ("core", "outboxmessage", "retry_outboxmessage"),
        )
        register_composer(OUTBOX_KIND, certificate_email_compose, label=_("Certificate"))
        pre_delete.connect(
            _forget_holder, sender=settings.AUTH_USER_MODEL, dispatch_uid="certificates.forget"
        )

        def panel(request):
            from .selectors import certificates_for

            certificates = certificates_for(user=request.user)
            if not certificates:
                return None
            return Panel(
                title=_("My certificates"),
                template="certificates/dashboard_panel.html",
                context={"certificates": certificates},
                order=50,
            )

        register_panel(panel)
