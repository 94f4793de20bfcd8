"""What the mentoring forms share: a service's errors on the right fields."""

from django.core.exceptions import ValidationError


class ServiceErrorsMixin:
    """Puts a service's ValidationError on the fields it names, or on the whole form."""

    def add_service_errors(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            for key, errors in error.error_dict.items():
                field = key if key in self.fields else None
                for item in errors:
                    self.add_error(field, item)
        else:
            for message in error.messages:
                self.add_error(None, message)
