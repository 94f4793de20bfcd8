"""The e-mail outbox: every e-mail the site sends goes through here.

A feature app queues a message in the transaction that caused it (``outbox_enqueue``) and
registers, once, a *composer* for its kind (``register_composer``) that builds the
``EmailMessage`` from the row's source at send time. A worker then runs ``outbox_send``:

- claim: one conditional UPDATE moves the row from QUEUED to SENDING, so two workers (or a
  task delivered twice) never both send it;
- send, and mark SENT only after the mail server accepted it;
- a transient error (an SMTP 4xx reply, a dropped or refused connection, a timeout) puts
  the row back to QUEUED with ``next_attempt_at`` (capped exponential backoff) until
  ``OUTBOX_MAX_ATTEMPTS``; then, or at once for a permanent error (a 5xx reply, a refused
  address, a broken template), it is FAILED with the error, where organisers see it;
- a worker killed mid-send leaves the row in SENDING: ``outbox_requeue_stale`` (periodic)
  puts it back to QUEUED after ``OUTBOX_STALE_MINUTES``.

Core imports no feature app: composers are registered from the feature apps' ``ready()``,
and so is who may see which message in the admin (``register_visibility``): the rule lives
with whoever knows it (programmes: an organiser sees the e-mails of their programmes'
people), and ``outbox_visible_to`` applies it wherever the admin reads the outbox.
"""

import logging
import smtplib
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .enums import OutboxStatus
from .models import OutboxMessage

logger = logging.getLogger(__name__)

SEND_TASK = "core.outbox_send"
ERROR_LENGTH = 2000


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def max_attempts() -> int:
    return _setting("OUTBOX_MAX_ATTEMPTS", 8)


def backoff(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th try failed: 1, 2, 4 … minutes, at most an hour."""
    base = _setting("OUTBOX_BACKOFF_SECONDS", 60)
    cap = _setting("OUTBOX_BACKOFF_CAP_SECONDS", 3600)
    return timedelta(seconds=min(cap, base * 2 ** max(attempts - 1, 0)))


# --- Composers ---------------------------------------------------------------------------

Composer = Callable[[OutboxMessage], EmailMessage | None]
_COMPOSERS: dict[str, Composer] = {}
_KIND_LABELS: dict[str, str] = {}


class OutboxCancel(Exception):  # noqa: N818 - it is an outcome, not an error
    """Raised by a composer when the message is no longer needed (a revoked certificate)."""


def register_composer(kind: str, composer: Composer, *, label=None) -> None:
    """Called from a feature app's ``ready()``. The composer gets the row (``source`` is
    loaded, the row's language is active) and returns the e-mail without recipients, or
    None / raises ``OutboxCancel`` when there is nothing to send any more. ``label`` (a lazy
    translation) names the kind in the admin's list, filter and export."""
    _COMPOSERS[kind] = composer
    if label is not None:
        _KIND_LABELS[kind] = label


def outbox_kind_label(kind: str) -> str:
    """What organisers read for a kind: its registered label, or failing that the kind in
    words ("events.reminder" → "Events: reminder"), never the bare code."""
    label = _KIND_LABELS.get(kind)
    if label is not None:
        return str(label)
    app, _dot, name = kind.partition(".")
    words = name.replace("_", " ") or app
    return f"{app.replace('_', ' ').capitalize()}: {words}" if name else words.capitalize()


def outbox_kind_choices() -> list[tuple[str, str]]:
    """Every registered kind with its label, in the order of the labels."""
    return sorted(((kind, outbox_kind_label(kind)) for kind in _COMPOSERS), key=lambda c: c[1])


# --- Who sees which message ----------------------------------------------------------------

Visibility = Callable[[object, QuerySet], QuerySet]
_VISIBILITY: list[Visibility] = []


def register_visibility(rule: Visibility) -> Visibility:
    """Called once by the app that knows who may see what (programmes). ``rule(user,
    queryset)`` returns the part of ``queryset`` the (active, non-admin) user may see. With
    several rules a message must pass each. Usable as a decorator."""
    if rule not in _VISIBILITY:
        _VISIBILITY.append(rule)
    return rule


def unregister_visibility(rule: Visibility) -> None:
    with suppress(ValueError):
        _VISIBILITY.remove(rule)


def outbox_visible_to(*, user, queryset: QuerySet | None = None) -> QuerySet:
    """The outbox messages ``user`` may see (and send again) in the admin: everything for a
    superuser; for anyone else, what every registered rule allows, and nothing at all when
    no rule is registered (a message names a person: the default is to show nobody)."""
    queryset = OutboxMessage.objects.all() if queryset is None else queryset
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    if user.is_superuser:
        return queryset
    if not _VISIBILITY:
        return queryset.none()
    for rule in _VISIBILITY:
        queryset = rule(user, queryset)
    return queryset


# --- Queue -------------------------------------------------------------------------------


def outbox_enqueue(
    *,
    kind: str,
    source: models.Model | None,
    key: str,
    to_user=None,
    address: str = "",
    language: str = "",
) -> OutboxMessage | None:
    """Queue one message and send it after the current transaction commits. ``key`` makes it
    idempotent: the same key queued again returns None and sends nothing."""
    if kind not in _COMPOSERS:
        raise ValueError(f"No composer is registered for outbox messages of kind {kind!r}.")
    if to_user is None and not address:
        raise ValidationError(_("An e-mail needs a recipient."))
    if OutboxMessage.objects.filter(key=key).exists():
        return None
    message = OutboxMessage(
        kind=kind,
        key=key,
        to_user=to_user,
        address="" if to_user is not None else address,
        language=language,
    )
    if source is not None:
        message.source_type = ContentType.objects.get_for_model(source, for_concrete_model=False)
        message.source_id = str(source.pk)
    message.full_clean(exclude=["source_type", "to_user"], validate_unique=False)
    try:
        with transaction.atomic():
            message.save(force_insert=True)
    except IntegrityError:
        if OutboxMessage.objects.filter(key=key).exists():
            return None  # queued by a concurrent request
        raise
    transaction.on_commit(partial(outbox_dispatch, message_id=message.pk))
    return message


def outbox_enqueue_many(*, kind: str, messages: Iterable[dict]) -> list[OutboxMessage]:
    """``outbox_enqueue`` for many messages of one kind (each a dict of its keyword
    arguments: ``key``, ``source``, ``to_user`` or ``address``, ``language``) in a few
    queries whatever their number. Keys already queued are skipped; returns the messages
    queued now, each sent after the current transaction commits."""
    if kind not in _COMPOSERS:
        raise ValueError(f"No composer is registered for outbox messages of kind {kind!r}.")
    entries = list(messages)
    if not entries:
        return []
    taken = set(
        OutboxMessage.objects.filter(key__in=[e["key"] for e in entries]).values_list(
            "key", flat=True
        )
    )
    rows: dict[str, OutboxMessage] = {}
    for entry in entries:
        key = entry["key"]
        if key in taken or key in rows:
            continue
        to_user, address = entry.get("to_user"), entry.get("address", "")
        if to_user is None and not address:
            raise ValidationError(_("An e-mail needs a recipient."))
        message = OutboxMessage(
            kind=kind,
            key=key,
            to_user=to_user,
            address="" if to_user is not None else address,
            language=entry.get("language", ""),
        )
        source = entry.get("source")
        if source is not None:
            message.source_type = ContentType.objects.get_for_model(
                source, for_concrete_model=False
            )
            message.source_id = str(source.pk)
        message.full_clean(
            exclude=["source_type", "to_user"], validate_unique=False, validate_constraints=False
        )
        rows[key] = message
    if not rows:
        return []
    with transaction.atomic():
        # A key queued by a concurrent request since our read is skipped here too.
        OutboxMessage.objects.bulk_create(rows.values(), ignore_conflicts=True)
    # A bulk insert that ignores conflicts returns no ids: read them back by key. (A row a
    # concurrent request queued under one of these keys is dispatched twice: the claim in
    # outbox_send makes that harmless.)
    queued = list(OutboxMessage.objects.filter(key__in=rows, status=OutboxStatus.QUEUED))
    for message in queued:
        transaction.on_commit(partial(outbox_dispatch, message_id=message.pk))
    return queued


def outbox_dispatch(*, message_id: int, countdown: float | None = None) -> None:
    """Hand a message to a worker. With eager tasks (development, tests) send it now.

    The task is addressed by name, so this module never imports ``core.tasks`` (which
    imports this one): no cycle, and the web process needs no task registry."""
    from celery import current_app

    if current_app.conf.task_always_eager:
        outbox_send(message_id=message_id)
    else:
        current_app.send_task(SEND_TASK, args=[message_id], countdown=countdown)


def outbox_retry(*, message: OutboxMessage, by=None) -> OutboxMessage:
    """An organiser sends a failed (or stuck) message again, with a fresh set of attempts."""
    with transaction.atomic():
        updated = OutboxMessage.objects.filter(
            pk=message.pk, status__in=(OutboxStatus.FAILED, OutboxStatus.QUEUED)
        ).update(status=OutboxStatus.QUEUED, attempts=0, next_attempt_at=None, claimed_at=None)
        if not updated:
            raise ValidationError(_("Only an e-mail that failed or waits can be sent again."))
        transaction.on_commit(partial(outbox_dispatch, message_id=message.pk))
    message.refresh_from_db()
    return message


# --- Send --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    status: str  # an OutboxStatus, or "skipped" when there was nothing to claim
    retry_in: float | None = None  # seconds, when the task should run again


SKIPPED = "skipped"


def is_transient(error: Exception) -> bool:
    """Whether trying again later may succeed: SMTP 4xx replies, connection trouble."""
    if isinstance(error, smtplib.SMTPConnectError | smtplib.SMTPServerDisconnected):
        return True
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(400 <= code < 500 for code in codes)
    if isinstance(error, smtplib.SMTPException):
        return False  # no suitable authentication, an unsupported command …
    return isinstance(error, ConnectionError | TimeoutError | OSError)


def _text(reply) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


def _describe(error: Exception) -> str:
    """The error as an organiser reads it: the server's code and words, no Python."""
    if isinstance(error, smtplib.SMTPResponseException):
        detail = f"{error.smtp_code} {_text(error.smtp_error)}"
    elif isinstance(error, smtplib.SMTPRecipientsRefused):
        detail = "; ".join(
            f"{address} {code} {_text(reply)}"
            for address, (code, reply) in error.recipients.items()
        )
    else:
        detail = str(error)
    return f"{type(error).__name__}: {detail}"[:ERROR_LENGTH]


def _claim(message_id: int, now: datetime) -> bool:
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    return bool(
        OutboxMessage.objects.filter(Q(pk=message_id, status=OutboxStatus.QUEUED) & due).update(
            status=OutboxStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
    )


def _finish(message_id: int, status: str, **fields) -> Outcome:
    OutboxMessage.objects.filter(pk=message_id).update(status=status, **fields)
    return Outcome(status)


def outbox_send(*, message_id: int, now: datetime | None = None) -> Outcome:
    """Send one message if it is queued and due. Safe to run twice, or from two workers."""
    now = now or timezone.now()
    if not _claim(message_id, now):
        pending = (
            OutboxMessage.objects.filter(pk=message_id, status=OutboxStatus.QUEUED)
            .values_list("next_attempt_at", flat=True)
            .first()
        )
        if pending is not None and pending > now:
            return Outcome(SKIPPED, retry_in=(pending - now).total_seconds())
        return Outcome(SKIPPED)
    message = OutboxMessage.objects.select_related("to_user", "source_type").get(pk=message_id)
    recipient = message.recipient
    if message.source_type_id is not None and message.source is None:
        return _finish(
            message_id,
            OutboxStatus.CANCELLED,
            last_error=_("What this e-mail was about no longer exists."),
        )
    if not recipient:
        return _finish(
            message_id, OutboxStatus.CANCELLED, last_error=_("The recipient has no address.")
        )
    try:
        with translation.override(message.language or settings.LANGUAGE_CODE):
            email = _COMPOSERS[message.kind](message)
        if email is None:
            raise OutboxCancel(_("There is nothing to send any more."))
    except OutboxCancel as cancel:
        return _finish(message_id, OutboxStatus.CANCELLED, last_error=str(cancel))
    except Exception as error:
        # A broken template or a missing composer: trying again will not help.
        logger.exception("outbox message %s could not be composed", message_id)
        return _finish(message_id, OutboxStatus.FAILED, last_error=_describe(error))
    email.to, email.cc, email.bcc = [recipient], [], []
    subject = " ".join(str(email.subject).split())[:300]
    OutboxMessage.objects.filter(pk=message_id).update(subject=subject)
    try:
        accepted = email.send()
        if accepted == 0:
            raise smtplib.SMTPException("The mail server accepted no recipient.")
    except Exception as error:
        return _failed(message, error, now)
    return _finish(message_id, OutboxStatus.SENT, sent_at=timezone.now(), last_error="")


def _failed(message: OutboxMessage, error: Exception, now: datetime) -> Outcome:
    description = _describe(error)
    attempts = message.attempts  # already counts this one (the claim raised it)
    if is_transient(error) and attempts < max_attempts():
        wait = backoff(attempts)
        logger.warning("outbox message %s: %s; retry in %s", message.pk, description, wait)
        OutboxMessage.objects.filter(pk=message.pk).update(
            status=OutboxStatus.QUEUED, next_attempt_at=now + wait, last_error=description
        )
        return Outcome(OutboxStatus.QUEUED, retry_in=wait.total_seconds())
    logger.error("outbox message %s failed for good: %s", message.pk, description)
    return _finish(message.pk, OutboxStatus.FAILED, last_error=description)


# --- Housekeeping ------------------------------------------------------------------------


def outbox_requeue_stale(*, now: datetime | None = None) -> int:
    """Run by beat. Put back messages a killed worker left in SENDING, and hand every due
    queued message (whose task was lost) to a worker again. Returns how many were requeued."""
    now = now or timezone.now()
    stale = now - timedelta(minutes=_setting("OUTBOX_STALE_MINUTES", 15))
    stuck = OutboxMessage.objects.filter(status=OutboxStatus.SENDING, claimed_at__lt=stale)
    # Each claim counted an attempt: a message that stops its worker every time gives up.
    stuck.filter(attempts__gte=max_attempts()).update(
        status=OutboxStatus.FAILED,
        last_error=_("The worker stopped while sending this e-mail, too many times."),
    )
    requeued = stuck.filter(attempts__lt=max_attempts()).update(
        status=OutboxStatus.QUEUED, next_attempt_at=None, claimed_at=None
    )
    due = (
        OutboxMessage.objects.filter(status=OutboxStatus.QUEUED, created_at__lt=stale)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .values_list("pk", flat=True)
    )
    for message_id in due:
        outbox_dispatch(message_id=message_id)
    return requeued


def outbox_addresses_erase(*, model: type, source_ids) -> int:
    """Forget the recipient address of every message about these sources (a person without
    an account whose address is erased): the outbox keeps no copy of it. A message still
    waiting then has no recipient and is cancelled when its turn comes."""
    ids = [str(pk) for pk in source_ids]
    if not ids:
        return 0
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    # The last error too: a refused recipient's address is in the server's reply.
    return (
        OutboxMessage.objects.filter(source_type=content_type, source_id__in=ids)
        .exclude(address="", last_error="")
        .update(address="", last_error="")
    )
