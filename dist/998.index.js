export const id = 998;
export const ids = [998];
export const modules = {

/***/ 19998:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AzureClouds: () => (/* reexport */ AzureClouds),
  KnownCreatedByType: () => (/* reexport */ KnownCreatedByType),
  KnownProvisioningState: () => (/* reexport */ KnownProvisioningState),
  KnownResolutionPolicy: () => (/* reexport */ KnownResolutionPolicy),
  KnownVersions: () => (/* reexport */ KnownVersions),
  KnownVirtualNetworkLinkState: () => (/* reexport */ KnownVirtualNetworkLinkState),
  PrivateDnsManagementClient: () => (/* reexport */ PrivateDnsManagementClient),
  RestError: () => (/* reexport */ core_rest_pipeline_dist_esm.RestError),
  isRestError: () => (/* reexport */ core_rest_pipeline_dist_esm.isRestError),
  restorePoller: () => (/* reexport */ restorePoller)
});

;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/static-helpers/cloudSettingHelpers.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
/**
 * An enum to describe Azure Cloud environments.
 * @enum {string}
 */
var AzureClouds;
(function (AzureClouds) {
    /** Azure public cloud, which is the default cloud for Azure SDKs. */
    AzureClouds["AZURE_PUBLIC_CLOUD"] = "AZURE_PUBLIC_CLOUD";
    /** Azure China cloud */
    AzureClouds["AZURE_CHINA_CLOUD"] = "AZURE_CHINA_CLOUD";
    /** Azure US government cloud */
    AzureClouds["AZURE_US_GOVERNMENT"] = "AZURE_US_GOVERNMENT";
})(AzureClouds || (AzureClouds = {}));
/**
 * Gets the Azure Resource Manager endpoint URL for the specified cloud setting.
 * @param cloudSetting - The Azure cloud environment setting. Use one of the AzureClouds enum values.
 * @returns The ARM endpoint URL for the specified cloud, or undefined if cloudSetting is undefined.
 * @throws {Error} Throws an error if an unknown cloud setting is provided.
 */
function getArmEndpoint(cloudSetting) {
    if (cloudSetting === undefined) {
        return undefined;
    }
    const cloudEndpoints = {
        AZURE_CHINA_CLOUD: "https://management.chinacloudapi.cn/",
        AZURE_US_GOVERNMENT: "https://management.usgovcloudapi.net/",
        AZURE_PUBLIC_CLOUD: "https://management.azure.com/",
    };
    if (cloudSetting in cloudEndpoints) {
        return cloudEndpoints[cloudSetting];
    }
    else {
        throw new Error(`Unknown cloud setting: ${cloudSetting}. Please refer to the enum AzureClouds for possible values.`);
    }
}
//# sourceMappingURL=cloudSettingHelpers.js.map
// EXTERNAL MODULE: ./node_modules/@azure/logger/dist/esm/index.js + 1 modules
var esm = __webpack_require__(7567);
;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/logger.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

const logger = (0,esm/* createClientLogger */.KV)("arm-privatedns");
//# sourceMappingURL=logger.js.map
// EXTERNAL MODULE: ./node_modules/@azure-rest/core-client/dist/esm/index.js + 11 modules
var dist_esm = __webpack_require__(83049);
;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/api/privateDnsManagementContext.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



/** The Private DNS Management Client. */
function createPrivateDnsManagement(credential, subscriptionId, options = {}) {
    const endpointUrl = options.endpoint ?? getArmEndpoint(options.cloudSetting) ?? "https://management.azure.com";
    const prefixFromOptions = options?.userAgentOptions?.userAgentPrefix;
    const userAgentInfo = `azsdk-js-arm-privatedns/4.0.0`;
    const userAgentPrefix = prefixFromOptions
        ? `${prefixFromOptions} azsdk-js-api ${userAgentInfo}`
        : `azsdk-js-api ${userAgentInfo}`;
    const { apiVersion: _, ...updatedOptions } = {
        ...options,
        userAgentOptions: { userAgentPrefix },
        loggingOptions: { logger: options.loggingOptions?.logger ?? logger.info },
        credentials: {
            scopes: options.credentials?.scopes ?? ["https://management.azure.com/.default"],
        },
    };
    const clientContext = (0,dist_esm/* getClient */.KU)(endpointUrl, credential, updatedOptions);
    const apiVersion = options.apiVersion;
    return { ...clientContext, apiVersion, subscriptionId };
}
//# sourceMappingURL=privateDnsManagementContext.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/api/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/static-helpers/serialization/check-prop-undefined.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
/**
 * Returns true if all specified properties of the item are undefined.
 * @param item The object to check.
 * @param properties The list of property names to check on the item.
 * @returns True if all specified properties are undefined, otherwise false.
 */
function areAllPropsUndefined(item, properties) {
    for (const property of properties) {
        if (item[property] !== undefined) {
            return false;
        }
    }
    return true;
}
//# sourceMappingURL=check-prop-undefined.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/models/models.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function recordSetSerializer(item) {
    return {
        properties: areAllPropsUndefined(item, [
            "metadata",
            "ttl",
            "aRecords",
            "aaaaRecords",
            "cnameRecord",
            "mxRecords",
            "ptrRecords",
            "soaRecord",
            "srvRecords",
            "txtRecords",
        ])
            ? undefined
            : _recordSetPropertiesSerializer(item),
        etag: item["etag"],
    };
}
function recordSetDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        ...(!item["properties"]
            ? item["properties"]
            : _recordSetPropertiesDeserializer(item["properties"])),
        etag: item["etag"],
    };
}
function recordSetPropertiesSerializer(item) {
    return {
        metadata: item["metadata"],
        ttl: item["ttl"],
        aRecords: !item["aRecords"] ? item["aRecords"] : aRecordArraySerializer(item["aRecords"]),
        aaaaRecords: !item["aaaaRecords"]
            ? item["aaaaRecords"]
            : aaaaRecordArraySerializer(item["aaaaRecords"]),
        cnameRecord: !item["cnameRecord"]
            ? item["cnameRecord"]
            : cnameRecordSerializer(item["cnameRecord"]),
        mxRecords: !item["mxRecords"] ? item["mxRecords"] : mxRecordArraySerializer(item["mxRecords"]),
        ptrRecords: !item["ptrRecords"]
            ? item["ptrRecords"]
            : ptrRecordArraySerializer(item["ptrRecords"]),
        soaRecord: !item["soaRecord"] ? item["soaRecord"] : soaRecordSerializer(item["soaRecord"]),
        srvRecords: !item["srvRecords"]
            ? item["srvRecords"]
            : srvRecordArraySerializer(item["srvRecords"]),
        txtRecords: !item["txtRecords"]
            ? item["txtRecords"]
            : txtRecordArraySerializer(item["txtRecords"]),
    };
}
function recordSetPropertiesDeserializer(item) {
    return {
        metadata: !item["metadata"]
            ? item["metadata"]
            : Object.fromEntries(Object.entries(item["metadata"]).map(([k, p]) => [k, p])),
        ttl: item["ttl"],
        fqdn: item["fqdn"],
        isAutoRegistered: item["isAutoRegistered"],
        aRecords: !item["aRecords"] ? item["aRecords"] : aRecordArrayDeserializer(item["aRecords"]),
        aaaaRecords: !item["aaaaRecords"]
            ? item["aaaaRecords"]
            : aaaaRecordArrayDeserializer(item["aaaaRecords"]),
        cnameRecord: !item["cnameRecord"]
            ? item["cnameRecord"]
            : cnameRecordDeserializer(item["cnameRecord"]),
        mxRecords: !item["mxRecords"]
            ? item["mxRecords"]
            : mxRecordArrayDeserializer(item["mxRecords"]),
        ptrRecords: !item["ptrRecords"]
            ? item["ptrRecords"]
            : ptrRecordArrayDeserializer(item["ptrRecords"]),
        soaRecord: !item["soaRecord"] ? item["soaRecord"] : soaRecordDeserializer(item["soaRecord"]),
        srvRecords: !item["srvRecords"]
            ? item["srvRecords"]
            : srvRecordArrayDeserializer(item["srvRecords"]),
        txtRecords: !item["txtRecords"]
            ? item["txtRecords"]
            : txtRecordArrayDeserializer(item["txtRecords"]),
    };
}
function aRecordArraySerializer(result) {
    return result.map((item) => {
        return aRecordSerializer(item);
    });
}
function aRecordArrayDeserializer(result) {
    return result.map((item) => {
        return aRecordDeserializer(item);
    });
}
function aRecordSerializer(item) {
    return { ipv4Address: item["ipv4Address"] };
}
function aRecordDeserializer(item) {
    return {
        ipv4Address: item["ipv4Address"],
    };
}
function aaaaRecordArraySerializer(result) {
    return result.map((item) => {
        return aaaaRecordSerializer(item);
    });
}
function aaaaRecordArrayDeserializer(result) {
    return result.map((item) => {
        return aaaaRecordDeserializer(item);
    });
}
function aaaaRecordSerializer(item) {
    return { ipv6Address: item["ipv6Address"] };
}
function aaaaRecordDeserializer(item) {
    return {
        ipv6Address: item["ipv6Address"],
    };
}
function cnameRecordSerializer(item) {
    return { cname: item["cname"] };
}
function cnameRecordDeserializer(item) {
    return {
        cname: item["cname"],
    };
}
function mxRecordArraySerializer(result) {
    return result.map((item) => {
        return mxRecordSerializer(item);
    });
}
function mxRecordArrayDeserializer(result) {
    return result.map((item) => {
        return mxRecordDeserializer(item);
    });
}
function mxRecordSerializer(item) {
    return { preference: item["preference"], exchange: item["exchange"] };
}
function mxRecordDeserializer(item) {
    return {
        preference: item["preference"],
        exchange: item["exchange"],
    };
}
function ptrRecordArraySerializer(result) {
    return result.map((item) => {
        return ptrRecordSerializer(item);
    });
}
function ptrRecordArrayDeserializer(result) {
    return result.map((item) => {
        return ptrRecordDeserializer(item);
    });
}
function ptrRecordSerializer(item) {
    return { ptrdname: item["ptrdname"] };
}
function ptrRecordDeserializer(item) {
    return {
        ptrdname: item["ptrdname"],
    };
}
function soaRecordSerializer(item) {
    return {
        host: item["host"],
        email: item["email"],
        serialNumber: item["serialNumber"],
        refreshTime: item["refreshTime"],
        retryTime: item["retryTime"],
        expireTime: item["expireTime"],
        minimumTtl: item["minimumTtl"],
    };
}
function soaRecordDeserializer(item) {
    return {
        host: item["host"],
        email: item["email"],
        serialNumber: item["serialNumber"],
        refreshTime: item["refreshTime"],
        retryTime: item["retryTime"],
        expireTime: item["expireTime"],
        minimumTtl: item["minimumTtl"],
    };
}
function srvRecordArraySerializer(result) {
    return result.map((item) => {
        return srvRecordSerializer(item);
    });
}
function srvRecordArrayDeserializer(result) {
    return result.map((item) => {
        return srvRecordDeserializer(item);
    });
}
function srvRecordSerializer(item) {
    return {
        priority: item["priority"],
        weight: item["weight"],
        port: item["port"],
        target: item["target"],
    };
}
function srvRecordDeserializer(item) {
    return {
        priority: item["priority"],
        weight: item["weight"],
        port: item["port"],
        target: item["target"],
    };
}
function txtRecordArraySerializer(result) {
    return result.map((item) => {
        return txtRecordSerializer(item);
    });
}
function txtRecordArrayDeserializer(result) {
    return result.map((item) => {
        return txtRecordDeserializer(item);
    });
}
function txtRecordSerializer(item) {
    return {
        value: !item["value"]
            ? item["value"]
            : item["value"].map((p) => {
                return p;
            }),
    };
}
function txtRecordDeserializer(item) {
    return {
        value: !item["value"]
            ? item["value"]
            : item["value"].map((p) => {
                return p;
            }),
    };
}
function proxyResourceSerializer(_item) {
    return {};
}
function proxyResourceDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
    };
}
function resourceSerializer(_item) {
    return {};
}
function resourceDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
    };
}
function systemDataDeserializer(item) {
    return {
        createdBy: item["createdBy"],
        createdByType: item["createdByType"],
        createdAt: !item["createdAt"] ? item["createdAt"] : new Date(item["createdAt"]),
        lastModifiedBy: item["lastModifiedBy"],
        lastModifiedByType: item["lastModifiedByType"],
        lastModifiedAt: !item["lastModifiedAt"]
            ? item["lastModifiedAt"]
            : new Date(item["lastModifiedAt"]),
    };
}
/** The kind of entity that created the resource. */
var KnownCreatedByType;
(function (KnownCreatedByType) {
    /** The entity was created by a user. */
    KnownCreatedByType["User"] = "User";
    /** The entity was created by an application. */
    KnownCreatedByType["Application"] = "Application";
    /** The entity was created by a managed identity. */
    KnownCreatedByType["ManagedIdentity"] = "ManagedIdentity";
    /** The entity was created by a key. */
    KnownCreatedByType["Key"] = "Key";
})(KnownCreatedByType || (KnownCreatedByType = {}));
function cloudErrorDeserializer(item) {
    return {
        error: !item["error"] ? item["error"] : cloudErrorBodyDeserializer(item["error"]),
    };
}
function cloudErrorBodyDeserializer(item) {
    return {
        code: item["code"],
        message: item["message"],
        target: item["target"],
        details: !item["details"] ? item["details"] : cloudErrorBodyArrayDeserializer(item["details"]),
    };
}
function cloudErrorBodyArrayDeserializer(result) {
    return result.map((item) => {
        return cloudErrorBodyDeserializer(item);
    });
}
function _recordSetListResultDeserializer(item) {
    return {
        value: recordSetArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function recordSetArraySerializer(result) {
    return result.map((item) => {
        return recordSetSerializer(item);
    });
}
function recordSetArrayDeserializer(result) {
    return result.map((item) => {
        return recordSetDeserializer(item);
    });
}
function privateZoneSerializer(item) {
    return {
        properties: areAllPropsUndefined(item, []) ? undefined : _privateZonePropertiesSerializer(item),
        tags: item["tags"],
        location: item["location"],
        etag: item["etag"],
    };
}
function privateZoneDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        ...(!item["properties"]
            ? item["properties"]
            : _privateZonePropertiesDeserializer(item["properties"])),
        tags: !item["tags"]
            ? item["tags"]
            : Object.fromEntries(Object.entries(item["tags"]).map(([k, p]) => [k, p])),
        location: item["location"],
        etag: item["etag"],
    };
}
function privateZonePropertiesSerializer(_item) {
    return {};
}
function privateZonePropertiesDeserializer(item) {
    return {
        maxNumberOfRecordSets: item["maxNumberOfRecordSets"],
        numberOfRecordSets: item["numberOfRecordSets"],
        maxNumberOfVirtualNetworkLinks: item["maxNumberOfVirtualNetworkLinks"],
        numberOfVirtualNetworkLinks: item["numberOfVirtualNetworkLinks"],
        maxNumberOfVirtualNetworkLinksWithRegistration: item["maxNumberOfVirtualNetworkLinksWithRegistration"],
        numberOfVirtualNetworkLinksWithRegistration: item["numberOfVirtualNetworkLinksWithRegistration"],
        provisioningState: item["provisioningState"],
        internalId: item["internalId"],
    };
}
/** The provisioning state of the resource. This is a read-only property and any attempt to set this value will be ignored. */
var KnownProvisioningState;
(function (KnownProvisioningState) {
    /** Creating */
    KnownProvisioningState["Creating"] = "Creating";
    /** Updating */
    KnownProvisioningState["Updating"] = "Updating";
    /** Deleting */
    KnownProvisioningState["Deleting"] = "Deleting";
    /** Succeeded */
    KnownProvisioningState["Succeeded"] = "Succeeded";
    /** Failed */
    KnownProvisioningState["Failed"] = "Failed";
    /** Canceled */
    KnownProvisioningState["Canceled"] = "Canceled";
})(KnownProvisioningState || (KnownProvisioningState = {}));
function _privateZoneListResultDeserializer(item) {
    return {
        value: privateZoneArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function privateZoneArraySerializer(result) {
    return result.map((item) => {
        return privateZoneSerializer(item);
    });
}
function privateZoneArrayDeserializer(result) {
    return result.map((item) => {
        return privateZoneDeserializer(item);
    });
}
function virtualNetworkLinkSerializer(item) {
    return {
        properties: areAllPropsUndefined(item, [
            "virtualNetwork",
            "registrationEnabled",
            "resolutionPolicy",
        ])
            ? undefined
            : _virtualNetworkLinkPropertiesSerializer(item),
        tags: item["tags"],
        location: item["location"],
        etag: item["etag"],
    };
}
function virtualNetworkLinkDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        ...(!item["properties"]
            ? item["properties"]
            : _virtualNetworkLinkPropertiesDeserializer(item["properties"])),
        tags: !item["tags"]
            ? item["tags"]
            : Object.fromEntries(Object.entries(item["tags"]).map(([k, p]) => [k, p])),
        location: item["location"],
        etag: item["etag"],
    };
}
function virtualNetworkLinkPropertiesSerializer(item) {
    return {
        virtualNetwork: !item["virtualNetwork"]
            ? item["virtualNetwork"]
            : subResourceSerializer(item["virtualNetwork"]),
        registrationEnabled: item["registrationEnabled"],
        resolutionPolicy: item["resolutionPolicy"],
    };
}
function virtualNetworkLinkPropertiesDeserializer(item) {
    return {
        virtualNetwork: !item["virtualNetwork"]
            ? item["virtualNetwork"]
            : subResourceDeserializer(item["virtualNetwork"]),
        registrationEnabled: item["registrationEnabled"],
        resolutionPolicy: item["resolutionPolicy"],
        virtualNetworkLinkState: item["virtualNetworkLinkState"],
        provisioningState: item["provisioningState"],
    };
}
function subResourceSerializer(item) {
    return { id: item["id"] };
}
function subResourceDeserializer(item) {
    return {
        id: item["id"],
    };
}
/** The resolution policy on the virtual network link. Only applicable for virtual network links to privatelink zones, and for A,AAAA,CNAME queries. When set to 'NxDomainRedirect', Azure DNS resolver falls back to public resolution if private dns query resolution results in non-existent domain response. */
var KnownResolutionPolicy;
(function (KnownResolutionPolicy) {
    /** Default */
    KnownResolutionPolicy["Default"] = "Default";
    /** NxDomainRedirect */
    KnownResolutionPolicy["NxDomainRedirect"] = "NxDomainRedirect";
})(KnownResolutionPolicy || (KnownResolutionPolicy = {}));
/** The status of the virtual network link to the Private DNS zone. Possible values are 'InProgress' and 'Done'. This is a read-only property and any attempt to set this value will be ignored. */
var KnownVirtualNetworkLinkState;
(function (KnownVirtualNetworkLinkState) {
    /** InProgress */
    KnownVirtualNetworkLinkState["InProgress"] = "InProgress";
    /** Completed */
    KnownVirtualNetworkLinkState["Completed"] = "Completed";
})(KnownVirtualNetworkLinkState || (KnownVirtualNetworkLinkState = {}));
function _virtualNetworkLinkListResultDeserializer(item) {
    return {
        value: virtualNetworkLinkArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function virtualNetworkLinkArraySerializer(result) {
    return result.map((item) => {
        return virtualNetworkLinkSerializer(item);
    });
}
function virtualNetworkLinkArrayDeserializer(result) {
    return result.map((item) => {
        return virtualNetworkLinkDeserializer(item);
    });
}
/** The available API versions. */
var KnownVersions;
(function (KnownVersions) {
    /** The 2024-06-01 API version. */
    KnownVersions["V20240601"] = "2024-06-01";
})(KnownVersions || (KnownVersions = {}));
function _recordSetPropertiesSerializer(item) {
    return {
        metadata: item["metadata"],
        ttl: item["ttl"],
        aRecords: !item["aRecords"] ? item["aRecords"] : aRecordArraySerializer(item["aRecords"]),
        aaaaRecords: !item["aaaaRecords"]
            ? item["aaaaRecords"]
            : aaaaRecordArraySerializer(item["aaaaRecords"]),
        cnameRecord: !item["cnameRecord"]
            ? item["cnameRecord"]
            : cnameRecordSerializer(item["cnameRecord"]),
        mxRecords: !item["mxRecords"] ? item["mxRecords"] : mxRecordArraySerializer(item["mxRecords"]),
        ptrRecords: !item["ptrRecords"]
            ? item["ptrRecords"]
            : ptrRecordArraySerializer(item["ptrRecords"]),
        soaRecord: !item["soaRecord"] ? item["soaRecord"] : soaRecordSerializer(item["soaRecord"]),
        srvRecords: !item["srvRecords"]
            ? item["srvRecords"]
            : srvRecordArraySerializer(item["srvRecords"]),
        txtRecords: !item["txtRecords"]
            ? item["txtRecords"]
            : txtRecordArraySerializer(item["txtRecords"]),
    };
}
function _recordSetPropertiesDeserializer(item) {
    return {
        metadata: !item["metadata"]
            ? item["metadata"]
            : Object.fromEntries(Object.entries(item["metadata"]).map(([k, p]) => [k, p])),
        ttl: item["ttl"],
        fqdn: item["fqdn"],
        isAutoRegistered: item["isAutoRegistered"],
        aRecords: !item["aRecords"] ? item["aRecords"] : aRecordArrayDeserializer(item["aRecords"]),
        aaaaRecords: !item["aaaaRecords"]
            ? item["aaaaRecords"]
            : aaaaRecordArrayDeserializer(item["aaaaRecords"]),
        cnameRecord: !item["cnameRecord"]
            ? item["cnameRecord"]
            : cnameRecordDeserializer(item["cnameRecord"]),
        mxRecords: !item["mxRecords"]
            ? item["mxRecords"]
            : mxRecordArrayDeserializer(item["mxRecords"]),
        ptrRecords: !item["ptrRecords"]
            ? item["ptrRecords"]
            : ptrRecordArrayDeserializer(item["ptrRecords"]),
        soaRecord: !item["soaRecord"] ? item["soaRecord"] : soaRecordDeserializer(item["soaRecord"]),
        srvRecords: !item["srvRecords"]
            ? item["srvRecords"]
            : srvRecordArrayDeserializer(item["srvRecords"]),
        txtRecords: !item["txtRecords"]
            ? item["txtRecords"]
            : txtRecordArrayDeserializer(item["txtRecords"]),
    };
}
function _privateZonePropertiesSerializer(_item) {
    return {};
}
function _privateZonePropertiesDeserializer(item) {
    return {
        maxNumberOfRecordSets: item["maxNumberOfRecordSets"],
        numberOfRecordSets: item["numberOfRecordSets"],
        maxNumberOfVirtualNetworkLinks: item["maxNumberOfVirtualNetworkLinks"],
        numberOfVirtualNetworkLinks: item["numberOfVirtualNetworkLinks"],
        maxNumberOfVirtualNetworkLinksWithRegistration: item["maxNumberOfVirtualNetworkLinksWithRegistration"],
        numberOfVirtualNetworkLinksWithRegistration: item["numberOfVirtualNetworkLinksWithRegistration"],
        provisioningState: item["provisioningState"],
        internalId: item["internalId"],
    };
}
function _virtualNetworkLinkPropertiesSerializer(item) {
    return {
        virtualNetwork: !item["virtualNetwork"]
            ? item["virtualNetwork"]
            : subResourceSerializer(item["virtualNetwork"]),
        registrationEnabled: item["registrationEnabled"],
        resolutionPolicy: item["resolutionPolicy"],
    };
}
function _virtualNetworkLinkPropertiesDeserializer(item) {
    return {
        virtualNetwork: !item["virtualNetwork"]
            ? item["virtualNetwork"]
            : subResourceDeserializer(item["virtualNetwork"]),
        registrationEnabled: item["registrationEnabled"],
        resolutionPolicy: item["resolutionPolicy"],
        virtualNetworkLinkState: item["virtualNetworkLinkState"],
        provisioningState: item["provisioningState"],
    };
}
//# sourceMappingURL=models.js.map
// EXTERNAL MODULE: ./node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 38 modules
var core_rest_pipeline_dist_esm = __webpack_require__(38978);
;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/static-helpers/pagingHelpers.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


/**
 * Helper to paginate results in a generic way and return a PagedAsyncIterableIterator
 */
function buildPagedAsyncIterator(client, getInitialResponse, processResponseBody, expectedStatuses, options = {}) {
    const itemName = options.itemName ?? "value";
    const nextLinkName = options.nextLinkName ?? "nextLink";
    const nextLinkMethod = options.nextLinkMethod ?? "GET";
    const apiVersion = options.apiVersion;
    const pagedResult = {
        getPage: async (pageLink) => {
            let result;
            if (pageLink === undefined) {
                result = await getInitialResponse();
            }
            else {
                const resolvedPageLink = apiVersion ? addApiVersionToUrl(pageLink, apiVersion) : pageLink;
                result =
                    nextLinkMethod === "POST"
                        ? await client.pathUnchecked(resolvedPageLink).post()
                        : await client.pathUnchecked(resolvedPageLink).get();
            }
            checkPagingRequest(result, expectedStatuses);
            const results = await processResponseBody(result);
            const nextLink = getNextLink(results, nextLinkName);
            const values = getElements(results, itemName);
            return {
                page: values,
                nextPageLink: nextLink,
            };
        },
        byPage: (settings) => {
            const { continuationToken } = settings ?? {};
            return getPageAsyncIterator(pagedResult, {
                pageLink: continuationToken,
            });
        },
    };
    return getPagedAsyncIterator(pagedResult);
}
/**
 * returns an async iterator that iterates over results. It also has a `byPage`
 * method that returns pages of items at once.
 *
 * @param pagedResult - an object that specifies how to get pages.
 * @returns a paged async iterator that iterates over results.
 */
function getPagedAsyncIterator(pagedResult) {
    const iter = getItemAsyncIterator(pagedResult);
    return {
        next() {
            return iter.next();
        },
        [Symbol.asyncIterator]() {
            return this;
        },
        byPage: pagedResult?.byPage ??
            ((settings) => {
                const { continuationToken } = settings ?? {};
                return getPageAsyncIterator(pagedResult, {
                    pageLink: continuationToken,
                });
            }),
    };
}
async function* getItemAsyncIterator(pagedResult) {
    const pages = getPageAsyncIterator(pagedResult);
    for await (const page of pages) {
        yield* page;
    }
}
async function* getPageAsyncIterator(pagedResult, options = {}) {
    const { pageLink } = options;
    let response = await pagedResult.getPage(pageLink ?? pagedResult.firstPageLink);
    if (!response) {
        return;
    }
    let result = response.page;
    result.continuationToken = response.nextPageLink;
    yield result;
    while (response.nextPageLink) {
        response = await pagedResult.getPage(response.nextPageLink);
        if (!response) {
            return;
        }
        result = response.page;
        result.continuationToken = response.nextPageLink;
        yield result;
    }
}
/**
 * Gets for the value of nextLink in the body
 */
function getNextLink(body, nextLinkName) {
    if (!nextLinkName) {
        return undefined;
    }
    const nextLink = body[nextLinkName];
    if (typeof nextLink !== "string" && typeof nextLink !== "undefined" && nextLink !== null) {
        throw new core_rest_pipeline_dist_esm.RestError(`Body Property ${nextLinkName} should be a string or undefined or null but got ${typeof nextLink}`);
    }
    if (nextLink === null) {
        return undefined;
    }
    return nextLink;
}
/**
 * Gets the elements of the current request in the body.
 */
function getElements(body, itemName) {
    const value = body[itemName];
    if (!Array.isArray(value)) {
        throw new core_rest_pipeline_dist_esm.RestError(`Couldn't paginate response\n Body doesn't contain an array property with name: ${itemName}`);
    }
    return value ?? [];
}
/**
 * Checks if a request failed
 */
function checkPagingRequest(response, expectedStatuses) {
    if (!expectedStatuses.includes(response.status)) {
        throw (0,dist_esm/* createRestError */.t$)(`Pagination failed with unexpected statusCode ${response.status}`, response);
    }
}
/**
 * Adds the api-version query parameter on a URL if it's not present.
 * @param url - the URL to modify
 * @param apiVersion - the API version to set
 * @returns - the URL with the api-version query parameter set
 */
function addApiVersionToUrl(url, apiVersion) {
    // The base URL is only used for parsing and won't appear in the returned URL
    const urlObj = new URL(url, "https://microsoft.com");
    if (!urlObj.searchParams.get("api-version")) {
        // Append one if there is no apiVersion
        return `${url}${urlObj.search ? "&" : "?"}api-version=${apiVersion}`;
    }
    return url;
}
//# sourceMappingURL=pagingHelpers.js.map
// EXTERNAL MODULE: ./node_modules/@azure/core-lro/dist/esm/index.js + 7 modules
var core_lro_dist_esm = __webpack_require__(64850);
;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/static-helpers/pollingHelpers.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


function getLongRunningPoller(client, processResponseBody, expectedStatuses, options) {
    const { restoreFrom, getInitialResponse, apiVersion } = options;
    if (!restoreFrom && !getInitialResponse) {
        throw new Error("Either restoreFrom or getInitialResponse must be specified");
    }
    let initialResponse = undefined;
    const pollAbortController = new AbortController();
    const poller = {
        sendInitialRequest: async () => {
            if (!getInitialResponse) {
                throw new Error("getInitialResponse is required when initializing a new poller");
            }
            initialResponse = await getInitialResponse();
            return getLroResponse(initialResponse, expectedStatuses);
        },
        sendPollRequest: async (path, pollOptions) => {
            // The poll request would both listen to the user provided abort signal and the poller's own abort signal
            function abortListener() {
                pollAbortController.abort();
            }
            const abortSignal = pollAbortController.signal;
            if (options.abortSignal?.aborted) {
                pollAbortController.abort();
            }
            else if (pollOptions?.abortSignal?.aborted) {
                pollAbortController.abort();
            }
            else if (!abortSignal.aborted) {
                options.abortSignal?.addEventListener("abort", abortListener, {
                    once: true,
                });
                pollOptions?.abortSignal?.addEventListener("abort", abortListener, {
                    once: true,
                });
            }
            let response;
            try {
                const pollingPath = apiVersion ? pollingHelpers_addApiVersionToUrl(path, apiVersion) : path;
                response = await client.pathUnchecked(pollingPath).get({ abortSignal });
            }
            finally {
                options.abortSignal?.removeEventListener("abort", abortListener);
                pollOptions?.abortSignal?.removeEventListener("abort", abortListener);
            }
            return getLroResponse(response, expectedStatuses);
        },
    };
    return (0,core_lro_dist_esm/* createHttpPoller */.V)(poller, {
        intervalInMs: options?.updateIntervalInMs,
        resourceLocationConfig: options?.resourceLocationConfig,
        restoreFrom: options?.restoreFrom,
        processResult: (result) => {
            return processResponseBody(result);
        },
    });
}
/**
 * Converts a Rest Client response to a response that the LRO implementation understands
 * @param response - a rest client http response
 * @param deserializeFn - deserialize function to convert Rest response to modular output
 * @returns - An LRO response that the LRO implementation understands
 */
function getLroResponse(response, expectedStatuses) {
    if (!expectedStatuses.includes(response.status)) {
        throw (0,dist_esm/* createRestError */.t$)(response);
    }
    return {
        flatResponse: response,
        rawResponse: {
            ...response,
            statusCode: Number.parseInt(response.status),
            body: response.body,
        },
    };
}
/**
 * Adds the api-version query parameter on a URL if it's not present.
 * @param url - the URL to modify
 * @param apiVersion - the API version to set
 * @returns - the URL with the api-version query parameter set
 */
function pollingHelpers_addApiVersionToUrl(url, apiVersion) {
    // The base URL is only used for parsing and won't appear in the returned URL
    const urlObj = new URL(url, "https://microsoft.com");
    if (!urlObj.searchParams.get("api-version")) {
        // Append one if there is no apiVersion
        return `${url}${urlObj.search ? "&" : "?"}api-version=${apiVersion}`;
    }
    return url;
}
//# sourceMappingURL=pollingHelpers.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/static-helpers/urlTemplate.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
// ---------------------
// helpers
// ---------------------
function encodeComponent(val, reserved, op) {
    return (reserved ?? op === "+") || op === "#"
        ? encodeReservedComponent(val)
        : encodeRFC3986URIComponent(val);
}
function encodeReservedComponent(str) {
    return str
        .split(/(%[0-9A-Fa-f]{2})/g)
        .map((part) => (!/%[0-9A-Fa-f]/.test(part) ? encodeURI(part) : part))
        .join("");
}
function encodeRFC3986URIComponent(str) {
    return encodeURIComponent(str).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function isDefined(val) {
    return val !== undefined && val !== null;
}
function getNamedAndIfEmpty(op) {
    return [!!op && [";", "?", "&"].includes(op), !!op && ["?", "&"].includes(op) ? "=" : ""];
}
function getFirstOrSep(op, isFirst = false) {
    if (isFirst) {
        return !op || op === "+" ? "" : op;
    }
    else if (!op || op === "+" || op === "#") {
        return ",";
    }
    else if (op === "?") {
        return "&";
    }
    else {
        return op;
    }
}
function getExpandedValue(option) {
    let isFirst = option.isFirst;
    const { op, varName, varValue: value, reserved } = option;
    const vals = [];
    const [named, ifEmpty] = getNamedAndIfEmpty(op);
    if (Array.isArray(value)) {
        for (const val of value.filter(isDefined)) {
            // prepare the following parts: separator, varName, value
            vals.push(`${getFirstOrSep(op, isFirst)}`);
            if (named && varName) {
                vals.push(`${encodeURIComponent(varName)}`);
                if (val === "") {
                    vals.push(ifEmpty);
                }
                else {
                    vals.push("=");
                }
            }
            vals.push(encodeComponent(val, reserved, op));
            isFirst = false;
        }
    }
    else if (typeof value === "object") {
        for (const key of Object.keys(value)) {
            const val = value[key];
            if (!isDefined(val)) {
                continue;
            }
            // prepare the following parts: separator, key, value
            vals.push(`${getFirstOrSep(op, isFirst)}`);
            if (key) {
                vals.push(`${encodeURIComponent(key)}`);
                if (named && val === "") {
                    vals.push(ifEmpty);
                }
                else {
                    vals.push("=");
                }
            }
            vals.push(encodeComponent(val, reserved, op));
            isFirst = false;
        }
    }
    return vals.join("");
}
function getNonExpandedValue(option) {
    const { op, varName, varValue: value, isFirst, reserved } = option;
    const vals = [];
    const first = getFirstOrSep(op, isFirst);
    const [named, ifEmpty] = getNamedAndIfEmpty(op);
    if (named && varName) {
        vals.push(encodeComponent(varName, reserved, op));
        if (value === "") {
            if (!ifEmpty) {
                vals.push(ifEmpty);
            }
            return !vals.join("") ? undefined : `${first}${vals.join("")}`;
        }
        vals.push("=");
    }
    const items = [];
    if (Array.isArray(value)) {
        for (const val of value.filter(isDefined)) {
            items.push(encodeComponent(val, reserved, op));
        }
    }
    else if (typeof value === "object") {
        for (const key of Object.keys(value)) {
            if (!isDefined(value[key])) {
                continue;
            }
            items.push(encodeRFC3986URIComponent(key));
            items.push(encodeComponent(value[key], reserved, op));
        }
    }
    vals.push(items.join(","));
    return !vals.join(",") ? undefined : `${first}${vals.join("")}`;
}
function getVarValue(option) {
    const { op, varName, modifier, isFirst, reserved, varValue: value } = option;
    if (!isDefined(value)) {
        return undefined;
    }
    else if (["string", "number", "boolean"].includes(typeof value)) {
        let val = value.toString();
        const [named, ifEmpty] = getNamedAndIfEmpty(op);
        const vals = [getFirstOrSep(op, isFirst)];
        if (named && varName) {
            // No need to encode varName considering it is already encoded
            vals.push(varName);
            if (val === "") {
                vals.push(ifEmpty);
            }
            else {
                vals.push("=");
            }
        }
        if (modifier && modifier !== "*") {
            val = val.substring(0, parseInt(modifier, 10));
        }
        vals.push(encodeComponent(val, reserved, op));
        return vals.join("");
    }
    else if (modifier === "*") {
        return getExpandedValue(option);
    }
    else {
        return getNonExpandedValue(option);
    }
}
// ---------------------------------------------------------------------------------------------------
// This is an implementation of RFC 6570 URI Template: https://datatracker.ietf.org/doc/html/rfc6570.
// ---------------------------------------------------------------------------------------------------
function expandUrlTemplate(template, context, option) {
    const result = template.replace(/\{([^{}]+)\}|([^{}]+)/g, (_, expr, text) => {
        if (!expr) {
            return encodeReservedComponent(text);
        }
        let op;
        if (["+", "#", ".", "/", ";", "?", "&"].includes(expr[0])) {
            op = expr[0];
            expr = expr.slice(1);
        }
        const varList = expr.split(/,/g);
        const innerResult = [];
        for (const varSpec of varList) {
            const varMatch = /([^:*]*)(?::(\d+)|(\*))?/.exec(varSpec);
            if (!varMatch || !varMatch[1]) {
                continue;
            }
            const varValue = getVarValue({
                isFirst: innerResult.length === 0,
                op,
                varValue: context[varMatch[1]],
                varName: varMatch[1],
                modifier: varMatch[2] || varMatch[3],
                reserved: option?.allowReserved,
            });
            if (varValue) {
                innerResult.push(varValue);
            }
        }
        return innerResult.join("");
    });
    return normalizeUnreserved(result);
}
/**
 * Normalize an expanded URI by decoding percent-encoded unreserved characters.
 * RFC 3986 unreserved: "-" / "." / "~"
 */
function normalizeUnreserved(uri) {
    return uri.replace(/%([0-9A-Fa-f]{2})/g, (match, hex) => {
        const char = String.fromCharCode(parseInt(hex, 16));
        // Decode only if it's unreserved
        if (/[.~-]/.test(char)) {
            return char;
        }
        return match; // leave other encodings intact
    });
}
//# sourceMappingURL=urlTemplate.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/api/privateZones/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.





function _listSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Network/privateDnsZones{?api%2Dversion,%24top}", {
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2024-06-01",
        "%24top": options?.top,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _listDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return _privateZoneListResultDeserializer(result.body);
}
/** Lists the Private DNS zones in all resource groups in a subscription. */
function list(context, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => _listSend(context, options), _listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2024-06-01" });
}
function _listByResourceGroupSend(context, resourceGroupName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones{?api%2Dversion,%24top}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        "api%2Dversion": context.apiVersion ?? "2024-06-01",
        "%24top": options?.top,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _listByResourceGroupDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return _privateZoneListResultDeserializer(result.body);
}
/** Lists the Private DNS zones within a resource group. */
function listByResourceGroup(context, resourceGroupName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => _listByResourceGroupSend(context, resourceGroupName, options), _listByResourceGroupDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2024-06-01" });
}
function _$deleteSend(context, resourceGroupName, privateZoneName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        privateZoneName: privateZoneName,
        "api%2Dversion": context.apiVersion ?? "2024-06-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: {
            ...(options?.ifMatch !== undefined ? { "if-match": options?.ifMatch } : {}),
            ...options.requestOptions?.headers,
        },
    });
}
async function _$deleteDeserialize(result) {
    const expectedStatuses = ["200", "202", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return;
}
/** Deletes a Private DNS zone. WARNING: All DNS records in the zone will also be deleted. This operation cannot be undone. Private DNS zone cannot be deleted unless all virtual network links to it are removed. */
function $delete(context, resourceGroupName, privateZoneName, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _$deleteDeserialize, ["200", "202", "204"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _$deleteSend(context, resourceGroupName, privateZoneName, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2024-06-01",
    });
}
function _updateSend(context, resourceGroupName, privateZoneName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        privateZoneName: privateZoneName,
        "api%2Dversion": context.apiVersion ?? "2024-06-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).patch({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: {
            ...(options?.ifMatch !== undefined ? { "if-match": options?.ifMatch } : {}),
            accept: "application/json",
            ...options.requestOptions?.headers,
        },
        body: privateZoneSerializer(parameters),
    });
}
async function _updateDeserialize(result) {
    const expectedStatuses = ["200", "202", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return privateZoneDeserializer(result.body);
}
/** Updates a Private DNS zone. Does not modify virtual network links or DNS records within the zone. */
function update(context, resourceGroupName, privateZoneName, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _updateDeserialize, ["200", "202", "201"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _updateSend(context, resourceGroupName, privateZoneName, parameters, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2024-06-01",
    });
}
function _createOrUpdateSend(context, resourceGroupName, privateZoneName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        privateZoneName: privateZoneName,
        "api%2Dversion": context.apiVersion ?? "2024-06-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: {
            ...(options?.ifMatch !== undefined ? { "if-match": options?.ifMatch } : {}),
            ...(options?.ifNoneMatch !== undefined ? { "if-none-match": options?.ifNoneMatch } : {}),
            accept: "application/json",
            ...options.requestOptions?.headers,
        },
        body: privateZoneSerializer(parameters),
    });
}
async function _createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200", "201", "202"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return privateZoneDeserializer(result.body);
}
/** Creates or updates a Private DNS zone. Does not modify Links to virtual networks or DNS records within the zone. */
function createOrUpdate(context, resourceGroupName, privateZoneName, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _createOrUpdateDeserialize, ["200", "201", "202"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _createOrUpdateSend(context, resourceGroupName, privateZoneName, parameters, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2024-06-01",
    });
}
function _getSend(context, resourceGroupName, privateZoneName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        privateZoneName: privateZoneName,
        "api%2Dversion": context.apiVersion ?? "2024-06-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return privateZoneDeserializer(result.body);
}
/** Gets a Private DNS zone. Retrieves the zone properties, but not the virtual networks links or the record sets within the zone. */
async function get(context, resourceGroupName, privateZoneName, options = { requestOptions: {} }) {
    const result = await _getSend(context, resourceGroupName, privateZoneName, options);
    return _getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/static-helpers/simplePollerHelpers.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
/**
 * Create the deprecated SimplePollerLike from PollerLike
 * @param poller PollerLike to convert
 * @returns SimplePollerLike
 */
function getSimplePoller(poller) {
    const simplePoller = {
        isDone() {
            return poller.isDone;
        },
        isStopped() {
            throw new Error("isStopped is deprecated. Use abortSignal status to track this instead.");
        },
        getOperationState() {
            if (!poller.operationState) {
                throw new Error("Operation state is not available. The poller may not have been started and you could await submitted() before calling getOperationState().");
            }
            return poller.operationState;
        },
        getResult() {
            return poller.result;
        },
        toString() {
            if (!poller.operationState) {
                throw new Error("Operation state is not available. The poller may not have been started and you could await submitted() before calling getOperationState().");
            }
            return JSON.stringify({
                state: poller.operationState,
            });
        },
        stopPolling() {
            throw new Error("stopPolling is deprecated. Use abortSignal to stop polling instead.");
        },
        onProgress: poller.onProgress,
        poll: poller.poll,
        pollUntilDone: poller.pollUntilDone,
        serialize: poller.serialize,
        submitted: poller.submitted,
    };
    return simplePoller;
}
//# sourceMappingURL=simplePollerHelpers.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/classic/privateZones/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


function _getPrivateZones(context) {
    return {
        list: (options) => list(context, options),
        listByResourceGroup: (resourceGroupName, options) => listByResourceGroup(context, resourceGroupName, options),
        delete: (resourceGroupName, privateZoneName, options) => $delete(context, resourceGroupName, privateZoneName, options),
        beginDelete: async (resourceGroupName, privateZoneName, options) => {
            const poller = $delete(context, resourceGroupName, privateZoneName, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginDeleteAndWait: async (resourceGroupName, privateZoneName, options) => {
            return await $delete(context, resourceGroupName, privateZoneName, options);
        },
        update: (resourceGroupName, privateZoneName, parameters, options) => update(context, resourceGroupName, privateZoneName, parameters, options),
        beginUpdate: async (resourceGroupName, privateZoneName, parameters, options) => {
            const poller = update(context, resourceGroupName, privateZoneName, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginUpdateAndWait: async (resourceGroupName, privateZoneName, parameters, options) => {
            return await update(context, resourceGroupName, privateZoneName, parameters, options);
        },
        createOrUpdate: (resourceGroupName, privateZoneName, parameters, options) => createOrUpdate(context, resourceGroupName, privateZoneName, parameters, options),
        beginCreateOrUpdate: async (resourceGroupName, privateZoneName, parameters, options) => {
            const poller = createOrUpdate(context, resourceGroupName, privateZoneName, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginCreateOrUpdateAndWait: async (resourceGroupName, privateZoneName, parameters, options) => {
            return await createOrUpdate(context, resourceGroupName, privateZoneName, parameters, options);
        },
        get: (resourceGroupName, privateZoneName, options) => get(context, resourceGroupName, privateZoneName, options),
    };
}
function _getPrivateZonesOperations(context) {
    return {
        ..._getPrivateZones(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/api/recordSets/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




function operations_listSend(context, resourceGroupName, privateZoneName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}/aLL{?api%2Dversion,%24top,%24recordsetnamesuffix}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        privateZoneName: privateZoneName,
        "api%2Dversion": context.apiVersion ?? "2024-06-01",
        "%24top": options?.top,
        "%24recordsetnamesuffix": options?.recordsetnamesuffix,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function operations_listDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return _recordSetListResultDeserializer(result.body);
}
/** Lists all record sets in a Private DNS zone. */
function operations_list(context, resourceGroupName, privateZoneName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => operations_listSend(context, resourceGroupName, privateZoneName, options), operations_listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2024-06-01" });
}
function _listByTypeSend(context, resourceGroupName, privateZoneName, recordType, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}/{recordType}{?api%2Dversion,%24top,%24recordsetnamesuffix}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        privateZoneName: privateZoneName,
        recordType: recordType,
        "api%2Dversion": context.apiVersion ?? "2024-06-01",
        "%24top": options?.top,
        "%24recordsetnamesuffix": options?.recordsetnamesuffix,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _listByTypeDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return _recordSetListResultDeserializer(result.body);
}
/** Lists the record sets of a specified type in a Private DNS zone. */
function listByType(context, resourceGroupName, privateZoneName, recordType, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => _listByTypeSend(context, resourceGroupName, privateZoneName, recordType, options), _listByTypeDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2024-06-01" });
}
function operations_$deleteSend(context, resourceGroupName, privateZoneName, recordType, relativeRecordSetName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}/{recordType}/{+relativeRecordSetName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        privateZoneName: privateZoneName,
        recordType: recordType,
        relativeRecordSetName: relativeRecordSetName,
        "api%2Dversion": context.apiVersion ?? "2024-06-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: {
            ...(options?.ifMatch !== undefined ? { "if-match": options?.ifMatch } : {}),
            ...options.requestOptions?.headers,
        },
    });
}
async function operations_$deleteDeserialize(result) {
    const expectedStatuses = ["200", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return;
}
/** Deletes a record set from a Private DNS zone. This operation cannot be undone. */
async function operations_$delete(context, resourceGroupName, privateZoneName, recordType, relativeRecordSetName, options = { requestOptions: {} }) {
    const result = await operations_$deleteSend(context, resourceGroupName, privateZoneName, recordType, relativeRecordSetName, options);
    return operations_$deleteDeserialize(result);
}
function operations_updateSend(context, resourceGroupName, privateZoneName, recordType, relativeRecordSetName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}/{recordType}/{+relativeRecordSetName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        privateZoneName: privateZoneName,
        recordType: recordType,
        relativeRecordSetName: relativeRecordSetName,
        "api%2Dversion": context.apiVersion ?? "2024-06-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).patch({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: {
            ...(options?.ifMatch !== undefined ? { "if-match": options?.ifMatch } : {}),
            accept: "application/json",
            ...options.requestOptions?.headers,
        },
        body: recordSetSerializer(parameters),
    });
}
async function operations_updateDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return recordSetDeserializer(result.body);
}
/** Updates a record set within a Private DNS zone. */
async function operations_update(context, resourceGroupName, privateZoneName, recordType, relativeRecordSetName, parameters, options = { requestOptions: {} }) {
    const result = await operations_updateSend(context, resourceGroupName, privateZoneName, recordType, relativeRecordSetName, parameters, options);
    return operations_updateDeserialize(result);
}
function operations_createOrUpdateSend(context, resourceGroupName, privateZoneName, recordType, relativeRecordSetName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}/{recordType}/{+relativeRecordSetName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        privateZoneName: privateZoneName,
        recordType: recordType,
        relativeRecordSetName: relativeRecordSetName,
        "api%2Dversion": context.apiVersion ?? "2024-06-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: {
            ...(options?.ifMatch !== undefined ? { "if-match": options?.ifMatch } : {}),
            ...(options?.ifNoneMatch !== undefined ? { "if-none-match": options?.ifNoneMatch } : {}),
            accept: "application/json",
            ...options.requestOptions?.headers,
        },
        body: recordSetSerializer(parameters),
    });
}
async function operations_createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return recordSetDeserializer(result.body);
}
/** Creates or updates a record set within a Private DNS zone. */
async function operations_createOrUpdate(context, resourceGroupName, privateZoneName, recordType, relativeRecordSetName, parameters, options = { requestOptions: {} }) {
    const result = await operations_createOrUpdateSend(context, resourceGroupName, privateZoneName, recordType, relativeRecordSetName, parameters, options);
    return operations_createOrUpdateDeserialize(result);
}
function operations_getSend(context, resourceGroupName, privateZoneName, recordType, relativeRecordSetName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}/{recordType}/{+relativeRecordSetName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        privateZoneName: privateZoneName,
        recordType: recordType,
        relativeRecordSetName: relativeRecordSetName,
        "api%2Dversion": context.apiVersion ?? "2024-06-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function operations_getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return recordSetDeserializer(result.body);
}
/** Gets a record set. */
async function operations_get(context, resourceGroupName, privateZoneName, recordType, relativeRecordSetName, options = { requestOptions: {} }) {
    const result = await operations_getSend(context, resourceGroupName, privateZoneName, recordType, relativeRecordSetName, options);
    return operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/classic/recordSets/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getRecordSets(context) {
    return {
        list: (resourceGroupName, privateZoneName, options) => operations_list(context, resourceGroupName, privateZoneName, options),
        listByType: (resourceGroupName, privateZoneName, recordType, options) => listByType(context, resourceGroupName, privateZoneName, recordType, options),
        delete: (resourceGroupName, privateZoneName, recordType, relativeRecordSetName, options) => operations_$delete(context, resourceGroupName, privateZoneName, recordType, relativeRecordSetName, options),
        update: (resourceGroupName, privateZoneName, recordType, relativeRecordSetName, parameters, options) => operations_update(context, resourceGroupName, privateZoneName, recordType, relativeRecordSetName, parameters, options),
        createOrUpdate: (resourceGroupName, privateZoneName, recordType, relativeRecordSetName, parameters, options) => operations_createOrUpdate(context, resourceGroupName, privateZoneName, recordType, relativeRecordSetName, parameters, options),
        get: (resourceGroupName, privateZoneName, recordType, relativeRecordSetName, options) => operations_get(context, resourceGroupName, privateZoneName, recordType, relativeRecordSetName, options),
    };
}
function _getRecordSetsOperations(context) {
    return {
        ..._getRecordSets(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/api/virtualNetworkLinks/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.





function virtualNetworkLinks_operations_listSend(context, resourceGroupName, privateZoneName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}/virtualNetworkLinks{?api%2Dversion,%24top}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        privateZoneName: privateZoneName,
        "api%2Dversion": context.apiVersion ?? "2024-06-01",
        "%24top": options?.top,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function virtualNetworkLinks_operations_listDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return _virtualNetworkLinkListResultDeserializer(result.body);
}
/** Lists the virtual network links to the specified Private DNS zone. */
function virtualNetworkLinks_operations_list(context, resourceGroupName, privateZoneName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => virtualNetworkLinks_operations_listSend(context, resourceGroupName, privateZoneName, options), virtualNetworkLinks_operations_listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2024-06-01" });
}
function virtualNetworkLinks_operations_$deleteSend(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{virtualNetworkLinkName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        privateZoneName: privateZoneName,
        virtualNetworkLinkName: virtualNetworkLinkName,
        "api%2Dversion": context.apiVersion ?? "2024-06-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: {
            ...(options?.ifMatch !== undefined ? { "if-match": options?.ifMatch } : {}),
            ...options.requestOptions?.headers,
        },
    });
}
async function virtualNetworkLinks_operations_$deleteDeserialize(result) {
    const expectedStatuses = ["200", "202", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return;
}
/** Deletes a virtual network link to the specified Private DNS zone. WARNING: In case of a registration virtual network, all auto-registered DNS records in the zone for the virtual network will also be deleted. This operation cannot be undone. */
function virtualNetworkLinks_operations_$delete(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, virtualNetworkLinks_operations_$deleteDeserialize, ["200", "202", "204"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => virtualNetworkLinks_operations_$deleteSend(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2024-06-01",
    });
}
function virtualNetworkLinks_operations_updateSend(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{virtualNetworkLinkName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        privateZoneName: privateZoneName,
        virtualNetworkLinkName: virtualNetworkLinkName,
        "api%2Dversion": context.apiVersion ?? "2024-06-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).patch({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: {
            ...(options?.ifMatch !== undefined ? { "if-match": options?.ifMatch } : {}),
            accept: "application/json",
            ...options.requestOptions?.headers,
        },
        body: virtualNetworkLinkSerializer(parameters),
    });
}
async function virtualNetworkLinks_operations_updateDeserialize(result) {
    const expectedStatuses = ["200", "202", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return virtualNetworkLinkDeserializer(result.body);
}
/** Updates a virtual network link to the specified Private DNS zone. */
function virtualNetworkLinks_operations_update(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, virtualNetworkLinks_operations_updateDeserialize, ["200", "202", "201"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => virtualNetworkLinks_operations_updateSend(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, parameters, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2024-06-01",
    });
}
function virtualNetworkLinks_operations_createOrUpdateSend(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{virtualNetworkLinkName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        privateZoneName: privateZoneName,
        virtualNetworkLinkName: virtualNetworkLinkName,
        "api%2Dversion": context.apiVersion ?? "2024-06-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: {
            ...(options?.ifMatch !== undefined ? { "if-match": options?.ifMatch } : {}),
            ...(options?.ifNoneMatch !== undefined ? { "if-none-match": options?.ifNoneMatch } : {}),
            accept: "application/json",
            ...options.requestOptions?.headers,
        },
        body: virtualNetworkLinkSerializer(parameters),
    });
}
async function virtualNetworkLinks_operations_createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200", "201", "202"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return virtualNetworkLinkDeserializer(result.body);
}
/** Creates or updates a virtual network link to the specified Private DNS zone. */
function virtualNetworkLinks_operations_createOrUpdate(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, virtualNetworkLinks_operations_createOrUpdateDeserialize, ["200", "201", "202"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => virtualNetworkLinks_operations_createOrUpdateSend(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, parameters, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2024-06-01",
    });
}
function virtualNetworkLinks_operations_getSend(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{virtualNetworkLinkName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        privateZoneName: privateZoneName,
        virtualNetworkLinkName: virtualNetworkLinkName,
        "api%2Dversion": context.apiVersion ?? "2024-06-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function virtualNetworkLinks_operations_getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return virtualNetworkLinkDeserializer(result.body);
}
/** Gets a virtual network link to the specified Private DNS zone. */
async function virtualNetworkLinks_operations_get(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, options = { requestOptions: {} }) {
    const result = await virtualNetworkLinks_operations_getSend(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, options);
    return virtualNetworkLinks_operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/classic/virtualNetworkLinks/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


function _getVirtualNetworkLinks(context) {
    return {
        list: (resourceGroupName, privateZoneName, options) => virtualNetworkLinks_operations_list(context, resourceGroupName, privateZoneName, options),
        delete: (resourceGroupName, privateZoneName, virtualNetworkLinkName, options) => virtualNetworkLinks_operations_$delete(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, options),
        beginDelete: async (resourceGroupName, privateZoneName, virtualNetworkLinkName, options) => {
            const poller = virtualNetworkLinks_operations_$delete(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginDeleteAndWait: async (resourceGroupName, privateZoneName, virtualNetworkLinkName, options) => {
            return await virtualNetworkLinks_operations_$delete(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, options);
        },
        update: (resourceGroupName, privateZoneName, virtualNetworkLinkName, parameters, options) => virtualNetworkLinks_operations_update(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, parameters, options),
        beginUpdate: async (resourceGroupName, privateZoneName, virtualNetworkLinkName, parameters, options) => {
            const poller = virtualNetworkLinks_operations_update(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginUpdateAndWait: async (resourceGroupName, privateZoneName, virtualNetworkLinkName, parameters, options) => {
            return await virtualNetworkLinks_operations_update(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, parameters, options);
        },
        createOrUpdate: (resourceGroupName, privateZoneName, virtualNetworkLinkName, parameters, options) => virtualNetworkLinks_operations_createOrUpdate(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, parameters, options),
        beginCreateOrUpdate: async (resourceGroupName, privateZoneName, virtualNetworkLinkName, parameters, options) => {
            const poller = virtualNetworkLinks_operations_createOrUpdate(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginCreateOrUpdateAndWait: async (resourceGroupName, privateZoneName, virtualNetworkLinkName, parameters, options) => {
            return await virtualNetworkLinks_operations_createOrUpdate(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, parameters, options);
        },
        get: (resourceGroupName, privateZoneName, virtualNetworkLinkName, options) => virtualNetworkLinks_operations_get(context, resourceGroupName, privateZoneName, virtualNetworkLinkName, options),
    };
}
function _getVirtualNetworkLinksOperations(context) {
    return {
        ..._getVirtualNetworkLinks(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/privateDnsManagementClient.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




class PrivateDnsManagementClient {
    _client;
    /** The pipeline used by this client to make requests */
    pipeline;
    /** The Private DNS Management Client. */
    constructor(credential, subscriptionId, options = {}) {
        const prefixFromOptions = options?.userAgentOptions?.userAgentPrefix;
        const userAgentPrefix = prefixFromOptions
            ? `${prefixFromOptions} azsdk-js-client`
            : `azsdk-js-client`;
        this._client = createPrivateDnsManagement(credential, subscriptionId, {
            ...options,
            userAgentOptions: { userAgentPrefix },
        });
        this.pipeline = this._client.pipeline;
        this.virtualNetworkLinks = _getVirtualNetworkLinksOperations(this._client);
        this.privateZones = _getPrivateZonesOperations(this._client);
        this.recordSets = _getRecordSetsOperations(this._client);
    }
    /** The operation groups for virtualNetworkLinks */
    virtualNetworkLinks;
    /** The operation groups for privateZones */
    privateZones;
    /** The operation groups for recordSets */
    recordSets;
}
//# sourceMappingURL=privateDnsManagementClient.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/restorePollerHelpers.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




/**
 * Creates a poller from the serialized state of another poller. This can be
 * useful when you want to create pollers on a different host or a poller
 * needs to be constructed after the original one is not in scope.
 */
function restorePoller(client, serializedState, sourceOperation, options) {
    const pollerConfig = (0,core_lro_dist_esm/* deserializeState */.b)(serializedState).config;
    const { initialRequestUrl, requestMethod, metadata } = pollerConfig;
    if (!initialRequestUrl || !requestMethod) {
        throw new Error(`Invalid serialized state: ${serializedState} for sourceOperation ${sourceOperation?.name}`);
    }
    const resourceLocationConfig = metadata?.["resourceLocationConfig"];
    const { deserializer, expectedStatuses = [] } = getDeserializationHelper(initialRequestUrl, requestMethod) ?? {};
    const deserializeHelper = options?.processResponseBody ?? deserializer;
    if (!deserializeHelper) {
        throw new Error(`Please ensure the operation is in this client! We can't find its deserializeHelper for ${sourceOperation?.name}.`);
    }
    const apiVersion = getApiVersionFromUrl(initialRequestUrl);
    return getLongRunningPoller(client["_client"] ?? client, deserializeHelper, expectedStatuses, {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        resourceLocationConfig,
        restoreFrom: serializedState,
        initialRequestUrl,
        apiVersion,
    });
}
const deserializeMap = {
    "DELETE /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{virtualNetworkLinkName}": { deserializer: virtualNetworkLinks_operations_$deleteDeserialize, expectedStatuses: ["200", "202", "204"] },
    "PATCH /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{virtualNetworkLinkName}": { deserializer: virtualNetworkLinks_operations_updateDeserialize, expectedStatuses: ["200", "202", "201"] },
    "PUT /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{virtualNetworkLinkName}": { deserializer: virtualNetworkLinks_operations_createOrUpdateDeserialize, expectedStatuses: ["200", "201", "202"] },
    "DELETE /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}": { deserializer: _$deleteDeserialize, expectedStatuses: ["200", "202", "204"] },
    "PATCH /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}": { deserializer: _updateDeserialize, expectedStatuses: ["200", "202", "201"] },
    "PUT /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}": {
        deserializer: _createOrUpdateDeserialize,
        expectedStatuses: ["200", "201", "202"],
    },
};
function getDeserializationHelper(urlStr, method) {
    const path = new URL(urlStr).pathname;
    const pathParts = path.split("/");
    // Traverse list to match the longest candidate
    // matchedLen: the length of candidate path
    // matchedValue: the matched status code array
    let matchedLen = -1, matchedValue;
    // Iterate the responseMap to find a match
    for (const [key, value] of Object.entries(deserializeMap)) {
        // Extracting the path from the map key which is in format
        // GET /path/foo
        if (!key.startsWith(method)) {
            continue;
        }
        const candidatePath = getPathFromMapKey(key);
        // Get each part of the url path
        const candidateParts = candidatePath.split("/");
        // track if we have found a match to return the values found.
        let found = true;
        for (let i = candidateParts.length - 1, j = pathParts.length - 1; i >= 1 && j >= 1; i--, j--) {
            if (candidateParts[i]?.startsWith("{") && candidateParts[i]?.indexOf("}") !== -1) {
                const start = candidateParts[i].indexOf("}") + 1, end = candidateParts[i]?.length;
                // If the current part of the candidate is a "template" part
                // Try to use the suffix of pattern to match the path
                // {guid} ==> $
                // {guid}:export ==> :export$
                const isMatched = new RegExp(`${candidateParts[i]?.slice(start, end)}`).test(pathParts[j] || "");
                if (!isMatched) {
                    found = false;
                    break;
                }
                continue;
            }
            // If the candidate part is not a template and
            // the parts don't match mark the candidate as not found
            // to move on with the next candidate path.
            if (candidateParts[i] !== pathParts[j]) {
                found = false;
                break;
            }
        }
        // We finished evaluating the current candidate parts
        // Update the matched value if and only if we found the longer pattern
        if (found && candidatePath.length > matchedLen) {
            matchedLen = candidatePath.length;
            matchedValue = value;
        }
    }
    return matchedValue;
}
function getPathFromMapKey(mapKey) {
    const pathStart = mapKey.indexOf("/");
    return mapKey.slice(pathStart);
}
function getApiVersionFromUrl(urlStr) {
    const url = new URL(urlStr);
    return url.searchParams.get("api-version") ?? undefined;
}
//# sourceMappingURL=restorePollerHelpers.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/models/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.






//# sourceMappingURL=index.js.map

/***/ })

};
