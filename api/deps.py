"""Dependencies as named types: the store and the settings opened in the app's lifespan."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from kg.config import Settings
from kg.store import GraphStore


def get_store(request: Request) -> GraphStore:
    return request.app.state.store


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
