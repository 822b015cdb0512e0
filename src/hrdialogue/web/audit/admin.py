"""The admin's two bases, and the audit log in it (read-only: nobody adds, changes or deletes
an audit entry, nor a record of a check of the chain, there).

Every state change is audited, the admin's too. An admin is one of:

- `ReadOnlyAdmin`: view only. The model changes through its audited services and pages (a
  consultation's details and phase, an invitation, a reply), or is security state that the
  admin must not touch (API tokens' owner and revocation, invitations to create an account).
- `AuditedAdmin`: what it lets a superuser add, change or delete (inlines included) is
  written to the audit chain by `record_change` in the transaction of the change, naming the
  admin user, with the changed fields before and after (`admin.add`, `admin.change`,
  `admin.delete`). Security state stays read-only there too (`readonly_fields`).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any, TypeVar

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.db.models import QuerySet
from django.forms import BaseModelFormSet, ModelForm
from django.http import HttpRequest

from hrdialogue.web.accounts.requests import acting_account
from hrdialogue.web.audit.models import AuditEntry, ChainCheck
from hrdialogue.web.audit.services import audit_value, json_ready, record_change

__all__ = ["AuditEntryAdmin", "AuditedAdmin", "ChainCheckAdmin", "ReadOnlyAdmin"]

_M = TypeVar("_M", bound=models.Model)

# Never copied into the log, even when a form names them: secrets and their hashes.
_SECRET_FIELDS = frozenset({"password", "token_hash"})


class ReadOnlyAdmin(admin.ModelAdmin[_M]):
    """View only: no add, change or delete in the admin."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return False


def _model_fields(model: type[models.Model], names: Iterable[str]) -> list[models.Field[Any, Any]]:
    """The model's fields among `names` (a form's fields: some are not the model's), secrets
    left out."""
    fields = []
    for name in names:
        if name in _SECRET_FIELDS:
            continue
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.Field) and not field.primary_key:
            fields.append(field)
    return fields


def _current(instance: models.Model, names: Iterable[str]) -> dict[str, Any]:
    """The named fields of `instance` as they are now (as saved)."""
    return json_ready(
        {
            f.name: audit_value(f.value_from_object(instance))
            for f in _model_fields(type(instance), names)
        }
    )


def _editable_names(instance: models.Model) -> list[str]:
    return [f.name for f in instance._meta.concrete_fields if f.editable] + [
        f.name for f in instance._meta.many_to_many
    ]


def _record_form(request: HttpRequest, form: ModelForm[Any], *, added: bool) -> None:
    """The entry of one saved form: the fields it changed, before (the form's initial values,
    read from the database when the form was made) and after (as saved). A form whose fields
    all compare equal once stored (Django may call a JSON field changed when it is not) writes
    no entry."""
    names = [f.name for f in _model_fields(type(form.instance), form.changed_data)]
    after = _current(form.instance, names)
    if added:
        record_change(
            actor=acting_account(request), action="admin.add", target=form.instance, after=after
        )
        return
    before = json_ready({n: audit_value(form.initial.get(n)) for n in names})
    changed = [n for n in names if before[n] != after[n]]
    if changed:
        record_change(
            actor=acting_account(request),
            action="admin.change",
            target=form.instance,
            before={n: before[n] for n in changed},
            after={n: after[n] for n in changed},
        )


def _record_deletion(request: HttpRequest, ghost: models.Model, before: dict[str, Any]) -> None:
    record_change(actor=acting_account(request), action="admin.delete", target=ghost, before=before)


class AuditedAdmin(admin.ModelAdmin[_M]):
    """Every add, change and delete made here (and in its inlines) is in the audit chain."""

    def save_related(
        self,
        request: HttpRequest,
        form: Any,
        formsets: Any,
        change: bool,
    ) -> None:
        # After the object and its many-to-many fields and inlines are saved; the admin's
        # change view runs all of it in one transaction, the entry last.
        with transaction.atomic():
            super().save_related(request, form, formsets, change)
            _record_form(request, form, added=not change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        with transaction.atomic():
            rows = _rows_before(formset)
            super().save_formset(request, form, formset, change)
            _record_rows(request, formset, rows)

    def delete_model(self, request: HttpRequest, obj: _M) -> None:
        with transaction.atomic():
            ghost = copy.copy(obj)  # deleting clears the key of `obj`; the entry names it
            before = _current(obj, _editable_names(obj))
            super().delete_model(request, obj)
            _record_deletion(request, ghost, before)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[_M]) -> None:
        with transaction.atomic():
            for obj in queryset:
                self.delete_model(request, obj)


def _rows_before(formset: BaseModelFormSet[Any, Any]) -> dict[int, tuple[Any, dict[str, Any]]]:
    """An inline's saved rows before the formset saves: a copy of each (deleting one clears
    its key; the entry names it) and its fields as the database had them when the form was
    made (its initial values: validating the form has already copied the posted ones in)."""
    return {
        id(f.instance): (
            copy.copy(f.instance),
            json_ready(
                {
                    field.name: audit_value(f.initial.get(field.name))
                    for field in _model_fields(type(f.instance), f.fields)
                }
            ),
        )
        for f in formset.forms
        if f.instance.pk is not None
    }


def _record_rows(
    request: HttpRequest,
    formset: BaseModelFormSet[Any, Any],
    rows: dict[int, tuple[Any, dict[str, Any]]],
) -> None:
    """One entry per row of an inline that the formset added, changed or deleted."""
    added = {id(obj) for obj in formset.new_objects}
    changed = {id(obj) for obj, _fields in formset.changed_objects}
    deleted = {id(obj) for obj in formset.deleted_objects}
    for f in formset.forms:
        key = id(f.instance)
        if key in deleted:
            ghost, before = rows[key]
            _record_deletion(request, ghost, before)
        elif key in added or key in changed:
            _record_form(request, f, added=key in added)


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin[AuditEntry]):
    list_display = ("sequence", "at", "actor_label", "action", "target_type", "target_label")
    list_filter = ("action", "target_type")


@admin.register(ChainCheck)
class ChainCheckAdmin(ReadOnlyAdmin[ChainCheck]):
    list_display = ("at", "kind", "from_sequence", "count", "last_sequence", "ok", "problem_kind")
    list_filter = ("kind", "ok")
