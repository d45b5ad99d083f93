#pragma once

// The structures of the OPC UA services Tandem uses (OPC 10000-4, clause 5 and 7) and
// their OPC UA Binary encoding (servicecodec.h), one header per service set. Messages
// carry their DefaultBinary encoding id as BinaryEncodingId; fromExtensionObject() decodes
// the known structures inside an ExtensionObject (identity tokens, filters,
// notifications, ServerStatus).

#include "attributeservices.h"
#include "discoveryservices.h"
#include "eventservices.h"
#include "historyservices.h"
#include "methodservices.h"
#include "monitoreditemservices.h"
#include "securechannelservices.h"
#include "serverstatus.h"
#include "servicecodec.h"
#include "servicecommon.h"
#include "sessionservices.h"
#include "subscriptionservices.h"
#include "viewservices.h"
