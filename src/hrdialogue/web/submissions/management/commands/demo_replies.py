"""`demo_replies`: what `make run` shows after `demo` — replies to the demo consultation from
FICTIONAL stakeholders only ("Demo State A (fictional)"…), marked fictional in their names in
every language, so that no page ever puts invented words in the mouth of a real State.

Thirteen replies in the six languages from every type of stakeholder: a DOCX, a PDF, a late
reply (an addendum), a confidential one, one public without attribution and two
near-identical campaign letters; invitations for all of them, and some replies published.
The texts are written for the demo. Running it again changes nothing (fixed idempotency keys).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

import docx
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from hrdialogue.drafting.layout import Block, Document
from hrdialogue.drafting.pdf_writer import write_pdf
from hrdialogue.web.accounts.models import Role, User
from hrdialogue.web.consultations.models import Consultation, Phase
from hrdialogue.web.invitations.services import create_invitations
from hrdialogue.web.stakeholders.models import Stakeholder
from hrdialogue.web.submissions.models import Reply
from hrdialogue.web.submissions.services import publish_reply, submit_reply

__all__ = ["Command"]


@dataclass(frozen=True, slots=True)
class _Demo:
    code: str
    kind: str
    group: str
    names: dict[str, str]
    language: str
    form: str  # typed | docx | pdf
    paragraphs: tuple[str, ...]
    visibility: str = "public"
    late: bool = False
    publish: bool = False
    comment: tuple[str, str] | None = None


def _state_names(letter: str, ar: str) -> dict[str, str]:
    return {
        "en": f"Demo State {letter} (fictional)",
        "fr": f"État de démonstration {letter} (fictif)",
        "es": f"Estado de demostración {letter} (ficticio)",
        "ru": f"Демонстрационное государство {letter} (вымышленное)",
        "zh": f"演示国家{letter}（虚构）",
        "ar": f"الدولة التجريبية {ar} (خيالية)",
    }


def _org(name: str) -> dict[str, str]:
    return {"en": f"{name} (fictional)"}


_CAMPAIGN = (
    "We write as members of the Dialogue for Rights campaign.",
    "We ask the Secretary-General to make every consultation under this resolution open to "
    "civil society, with replies published online and summarised in the report.",
    "Cooperation in the human rights machinery works only when those affected can be heard.",
)

DEMOS: tuple[_Demo, ...] = (
    _Demo(
        "demo-state-a",
        "member-state",
        "african",
        _state_names("A", "أ"),
        "ar",
        "typed",
        (
            "ترحب الدولة التجريبية أ بالحوار والتعاون في إطار آلية حقوق الإنسان "
            "التابعة للأمم المتحدة.",
            "وترى أن الاستعراض الدوري الشامل أداة مفيدة لتبادل الممارسات الجيدة بين الدول.",
            "وتقترح تعزيز المساعدة التقنية وبناء القدرات بناء على طلب الدول المعنية.",
        ),
        publish=True,
        comment=("OP10", "ينبغي أن تكون المشاورات مفتوحة لجميع الدول الأعضاء."),
    ),
    _Demo(
        "demo-state-b",
        "member-state",
        "asia-pacific",
        _state_names("B", "ب"),
        "zh",
        "typed",
        (
            "演示国家B支持在联合国人权机制中加强国际合作与对话。",
            "各国应在平等和相互尊重的基础上开展建设性对话，避免对抗。",
            "技术援助和能力建设应根据有关国家的请求并在其同意下提供。",
        ),
        publish=True,
    ),
    _Demo(
        "demo-state-c",
        "member-state",
        "eastern-european",
        _state_names("C", "ج"),
        "ru",
        "docx",
        (
            "Ответ демонстрационного государства C",
            "Демонстрационное государство C поддерживает диалог и сотрудничество в рамках "
            "правозащитного механизма Организации Объединенных Наций.",
            "Работа Совета по правам человека должна основываться на принципах "
            "универсальности, объективности и неизбирательности.",
        ),
        publish=True,
        comment=("OP10", "Консультации следует проводить ежегодно."),
    ),
    _Demo(
        "demo-state-d",
        "member-state",
        "latin-american-caribbean",
        _state_names("D", "د"),
        "es",
        "typed",
        (
            "El Estado de demostración D agradece la oportunidad de contribuir a esta consulta.",
            "Considera que el diálogo con los procedimientos especiales y los órganos de "
            "tratados fortalece la cooperación internacional en materia de derechos humanos.",
        ),
        late=True,
        publish=True,
    ),
    _Demo(
        "demo-state-e",
        "member-state",
        "western-european-others",
        _state_names("E", "هـ"),
        "fr",
        "pdf",
        (
            "L'État de démonstration E se félicite de la coopération entre les États et le "
            "Haut-Commissariat aux droits de l'homme.",
            "Il propose que les consultations prévues au paragraphe 10 de la résolution soient "
            "ouvertes aux institutions nationales et à la société civile.",
        ),
        publish=True,
    ),
    _Demo(
        "demo-observer-f",
        "observer-state",
        "",
        _state_names("F", "و"),
        "en",
        "typed",
        (
            "Demo Observer State F welcomes the consultation and supports dialogue among all "
            "States and stakeholders in the human rights machinery.",
            "It encourages the Secretariat to publish the replies received in all official "
            "languages where resources allow.",
        ),
    ),
    _Demo(
        "demo-un-entity-g",
        "un-entity",
        "",
        _org("Demo UN Entity G"),
        "en",
        "typed",
        (
            "Demo UN Entity G cooperates with the Office of the High Commissioner in technical "
            "assistance programmes in several regions.",
            "It recommends joint planning so that advisory services reach the States that "
            "request them without delay.",
        ),
        publish=True,
    ),
    _Demo(
        "demo-agency-h",
        "specialized-agency",
        "",
        _org("Demo Specialized Agency H"),
        "fr",
        "typed",
        (
            "L'Institution spécialisée de démonstration H partage son expérience de la "
            "coopération technique avec les États membres.",
            "Elle souhaite que les rapports du Secrétaire général mentionnent les contributions "
            "des institutions spécialisées.",
        ),
    ),
    _Demo(
        "demo-igo-i",
        "igo",
        "",
        _org("Demo Intergovernmental Organization I"),
        "es",
        "typed",
        (
            "La Organización intergubernamental de demostración I apoya el diálogo regional "
            "sobre derechos humanos entre sus Estados miembros.",
            "Propone intercambiar buenas prácticas con el Consejo de Derechos Humanos.",
        ),
    ),
    _Demo(
        "demo-nhri-j",
        "nhri",
        "",
        _org("Demo National Human Rights Institution J"),
        "ru",
        "typed",
        (
            "Демонстрационное национальное учреждение J сообщает о своем сотрудничестве с "
            "договорными органами.",
            "Учреждение просит не публиковать этот ответ.",
        ),
        visibility="confidential",
    ),
    _Demo(
        "demo-ngo-k",
        "ngo",
        "",
        _org("Demo NGO K"),
        "en",
        "typed",
        _CAMPAIGN,
        publish=True,
    ),
    _Demo(
        "demo-ngo-l",
        "ngo",
        "",
        _org("Demo NGO L"),
        "en",
        "typed",
        (
            *_CAMPAIGN[:2],
            "Cooperation in the human rights machinery only works when those "
            "affected can be heard.",
        ),
        publish=True,
    ),
    _Demo(
        "demo-ngo-m",
        "ngo",
        "",
        _org("Demo NGO M"),
        "es",
        "typed",
        (
            "La ONG de demostración M trabaja con defensores de derechos humanos.",
            "Pide que las consultas protejan a quienes participan frente a represalias.",
        ),
        visibility="anonymous",
        publish=True,
    ),
)


def _docx(paragraphs: tuple[str, ...]) -> bytes:
    document = docx.Document()
    document.core_properties.author = "Demo author (stripped on publication)"
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf(demo: _Demo) -> bytes:
    blocks = tuple(Block(text=text) for text in demo.paragraphs)
    return write_pdf(Document(language=demo.language, title="Reply", blocks=blocks))


class Command(BaseCommand):
    help = "Load replies from fictional stakeholders into the demo consultation."

    def handle(self, *args: Any, **options: Any) -> None:
        consultation = Consultation.objects.filter(phase=Phase.OPEN).order_by("pk").first()
        if consultation is None:
            raise CommandError("no consultation is open for replies: run `demo` first")
        secretariat = User.objects.filter(role=Role.SECRETARIAT, is_active=True).first()
        stakeholders = [self._stakeholder(demo) for demo in DEMOS]
        consultation.consultees.add(*stakeholders)
        create_invitations(actor=secretariat, consultation=consultation, stakeholders=stakeholders)
        on_time = dt.datetime.combine(
            consultation.reply_deadline - dt.timedelta(days=7), dt.time(10), tzinfo=dt.UTC
        )
        late = on_time + dt.timedelta(days=14)
        for number, (demo, stakeholder) in enumerate(zip(DEMOS, stakeholders, strict=True), 1):
            focal_point = self._focal_point(stakeholder)
            text, upload = "\n".join(demo.paragraphs), None
            if demo.form == "docx":
                text, upload = "", (_docx(demo.paragraphs), "reply.docx")
            elif demo.form == "pdf":
                text, upload = "", (_pdf(demo), "reply.pdf")
            version = submit_reply(
                actor=focal_point,
                consultation=consultation,
                idempotency_key=f"demo-reply-{number:02d}-{demo.code}"[:64],
                text=text,
                upload=upload,
                visibility=demo.visibility,
                comments=[demo.comment] if demo.comment else [],
                now=late if demo.late else on_time,
            )
            reply = Reply.objects.get(pk=version.reply_id)
            if demo.publish and not reply.is_published and secretariat is not None:
                publish_reply(actor=secretariat, reply=reply)
        self.stdout.write(
            f"demo replies: {Reply.objects.filter(consultation=consultation).count()} "
            f"(fictional stakeholders, /replies/consultations/{consultation.pk}/published/)"
        )

    def _stakeholder(self, demo: _Demo) -> Stakeholder:
        stakeholder, _new = Stakeholder.objects.update_or_create(
            code=demo.code,
            defaults={
                "kind": demo.kind,
                "name": demo.names["en"],
                "names": demo.names,
                "regional_group": demo.group,
            },
        )
        return stakeholder

    def _focal_point(self, stakeholder: Stakeholder) -> User:
        with transaction.atomic():
            user, _new = User.objects.get_or_create(
                email=f"focal-point.{stakeholder.code}@demo.hrdialogue.example",
                defaults={"role": Role.FOCAL_POINT, "stakeholder": stakeholder},
            )
            if _new:
                user.set_unusable_password()
                user.save(update_fields=["password"])
        return user
